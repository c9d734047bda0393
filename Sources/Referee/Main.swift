@main struct RefereeMain { static func main() {} }

@main struct GRPOTrainerMain { static func main() {} }

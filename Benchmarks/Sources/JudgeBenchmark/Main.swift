@main struct JudgeBenchmarkMain { static func main() { print("JudgeBenchmark: not written yet") } }

@main struct RewardBenchmarkMain { static func main() { print("RewardBenchmark: not written yet") } }

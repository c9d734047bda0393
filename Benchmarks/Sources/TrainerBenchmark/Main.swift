@main struct TrainerBenchmarkMain { static func main() { print("TrainerBenchmark: not written yet") } }

@main struct MathBenchmarkMain { static func main() { print("MathBenchmark: not written yet") } }

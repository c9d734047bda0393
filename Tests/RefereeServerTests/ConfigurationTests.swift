import Foundation
import RefereeServer
import Testing

@Suite("Configuration: flags, REFEREE_* variables and the config file")
struct ConfigurationTests {
    let file = (path: "referee.json", contents: Data(#"{"port": 9000, "host": "127.0.0.2", "alpha": 0.5, "think_words": ["slow", "deep"], "short_circuit": false}"#.utf8))

    @Test("flags win over the environment, which wins over the file")
    func precedence() throws {
        let configuration = try ConfigurationLoader.load(
            flags: ["port": "9002"], environment: ["REFEREE_PORT": "9001", "REFEREE_HOST": "127.0.0.3"], configFile: file)
        #expect(configuration.port == 9002)
        #expect(configuration.host == "127.0.0.3")
        #expect(configuration.scoring.alpha == 0.5)
        #expect(configuration.scoring.thinkWords == ["slow", "deep"])
        #expect(configuration.scoring.shortCircuit == false)
    }

    @Test("defaults: loopback, 8080, 32 MiB, rules mode")
    func defaults() throws {
        let configuration = try ConfigurationLoader.load(flags: [:], environment: [:])
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.maxBodyBytes == 32 * 1024 * 1024)
        #expect(configuration.judgeURL == nil)
    }

    @Test(
        "bad values name the key and where they came from",
        arguments: [
            (["port": "eighty"], [:], "--port"),
            ([:], ["REFEREE_ALPHA": "1.5"], "REFEREE_ALPHA"),
            (["formula": "answer +"], [:], "formula"),
            (["preset": "best"], [:], "--preset"),
            (["judge_url": "http://127.0.0.1:1/v1"], [:], "judge_model"),
        ] as [([String: String], [String: String], String)])
    func badValues(flags: [String: String], environment: [String: String], mention: String) {
        do {
            _ = try ConfigurationLoader.load(flags: flags, environment: environment)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains(mention), "\(error.description)")
        }
    }

    @Test("an unknown key in the config file is an error")
    func unknownFileKey() {
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.load(flags: [:], environment: [:], configFile: ("c.json", Data(#"{"prot": 1}"#.utf8)))
        }
    }

    @Test("the API key is read from the named variable")
    func apiKey() throws {
        let configuration = try ConfigurationLoader.load(
            flags: ["judge_url": "http://127.0.0.1:9/v1", "judge_model": "m", "judge_api_key_env": "MY_KEY"], environment: ["MY_KEY": "s3cret"])
        #expect(configuration.judgeAPIKey == "s3cret")
    }
}

import Glibc
import Testing

@testable import Sandbox

@Suite("Sandbox process helpers: bubblewrap's status and /proc")
struct SandboxProcessTests {
    @Test("the sandbox's process 1 is read from bubblewrap's JSON status; anything else is none")
    func sandboxInit() {
        #expect(SandboxProcess.sandboxInit(in: Array(#"{ "child-pid": 4321 }"#.utf8)) == 4321)
        #expect(SandboxProcess.sandboxInit(in: Array("{\n    \"child-pid\": 17\n}\n{ \"exit-code\": 0 }".utf8)) == 17)
        #expect(SandboxProcess.sandboxInit(in: Array(#"{ "exit-code": 1 }"#.utf8)) == nil)
        #expect(SandboxProcess.sandboxInit(in: Array(#"{ "child-pid": -3 }"#.utf8)) == nil)
        #expect(SandboxProcess.sandboxInit(in: Array(#"{ "child-pid": 99999999999 }"#.utf8)) == nil)
        #expect(SandboxProcess.sandboxInit(in: []) == nil)
    }

    @Test("a process's parent comes from /proc; a process that does not exist has none")
    func parent() {
        #expect(SandboxProcess.parent(of: getpid()) == getppid())
        #expect(SandboxProcess.parent(of: 999_999_999) == nil)
    }
}

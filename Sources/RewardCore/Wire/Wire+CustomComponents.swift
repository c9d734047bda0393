extension CustomComponent {
    /// The keys a declaration may hold.
    static let keys: [String] = ["prompt_file", "verdict", "inputs"]

    /// Reads a components file: `{"NAME": {"prompt_file": PATH, "verdict": "binary" | "scale", "inputs": [...]}}`.
    /// A relative `prompt_file` is taken from `directory` (the file's folder). Errors name the field as
    /// `NAME.KEY`; unknown keys are errors (the file is written once, by hand).
    public static func declarations(json bytes: [UInt8], directory: String) throws(RewardError) -> [CustomComponent] {
        let value: JSONValue
        do throws(JSONSyntaxError) {
            value = try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in try JSONParser.parse(buffer) }
        } catch {
            throw Wire.invalidJSON(error, what: "the components file")
        }
        guard case .object(let object) = value else {
            throw RewardError(code: .wrongType, message: "the components file must be a JSON object of component names")
        }
        var components: [CustomComponent] = []
        for (name, member) in object.members {
            do throws(RewardError) {
                guard case .object(let fields) = member else { throw WireField.wrongType("", "an object") }
                if let unknown = fields.members.map(\.key).first(where: { !keys.contains($0) }) {
                    throw RewardError(code: .invalidValue, message: "unknown key '\(unknown)' (known: \(keys.joined(separator: ", ")))", field: unknown)
                }
                guard let file = try WireField.string(fields, "prompt_file"), !file.isEmpty else {
                    throw RewardError(code: .missingField, message: "prompt_file is required", field: "prompt_file")
                }
                guard let form = try WireField.choice(Form.self, fields, "verdict") else {
                    throw RewardError(code: .missingField, message: "verdict is required (binary or scale)", field: "verdict")
                }
                var inputs: Set<Input> = []
                for word in try WireField.strings(fields, "inputs") ?? [] {
                    guard let input = Input(rawValue: word) else {
                        let known = Input.allCases.map(\.rawValue).joined(separator: ", ")
                        throw RewardError(code: .invalidValue, message: "unknown input '\(word)' (known: \(known))", field: "inputs")
                    }
                    inputs.insert(input)
                }
                guard !inputs.isEmpty else {
                    throw RewardError(code: .missingField, message: "inputs must name at least one input", field: "inputs")
                }
                let path = file.hasPrefix("/") || directory.isEmpty ? file : directory + "/" + file
                let component = CustomComponent(name: name, promptFile: path, form: form, inputs: inputs)
                if let problem = component.nameProblem { throw RewardError(code: .invalidValue, message: problem) }
                components.append(component)
            } catch {
                throw error.nested(under: name)
            }
        }
        return components.sorted { $0.name < $1.name }
    }
}

import AnswerCheck

extension AnswerOptions {
    /// The `answer_options` keys the contract defines.
    static let keys: [String] = [
        "iou_threshold", "coords", "mode", "radius", "partial", "metric", "case_sensitive", "collapse_whitespace", "threshold",
    ]

    /// Reads an `answer_options` object; errors name the field as `answer_options.NAME`.
    init(wire value: JSONValue) throws(RewardError) {
        guard case .object(let object) = value else {
            throw RewardError(code: .wrongType, message: "answer_options must be a JSON object", field: "answer_options")
        }
        self.init()
        do throws(RewardError) {
            iouThreshold = try WireField.number(object, "iou_threshold", in: 0...1)
            coordinates = try WireField.choice(Coordinates.self, object, "coords") ?? .pixel
            boxesMode = try WireField.choice(BoxesMode.self, object, "mode") ?? .f1
            radius = try WireField.number(object, "radius", in: 0...1e9)
            if let partial = try WireField.string(object, "partial") {
                // One key for the three types' partial credit: `exact` means exact for each.
                let ordering = OrderingCredit(rawValue: partial)
                let set = SetCredit(rawValue: partial)
                let code = CodeCredit(rawValue: partial)
                guard ordering != nil || set != nil || code != nil else {
                    let allowed = Set(OrderingCredit.allCases.map(\.rawValue) + SetCredit.allCases.map(\.rawValue)
                        + CodeCredit.allCases.map(\.rawValue)).sorted()
                    throw RewardError(code: .invalidValue, message: "partial must be one of \(allowed.joined(separator: ", "))", field: "partial")
                }
                orderingCredit = ordering ?? .positions
                setCredit = set ?? .exact
                codeCredit = code ?? .exact
            }
            textMetric = try WireField.choice(TextMetric.self, object, "metric") ?? .cer
            caseSensitive = try WireField.bool(object, "case_sensitive") ?? false
            collapseWhitespace = try WireField.bool(object, "collapse_whitespace") ?? true
            threshold = try WireField.number(object, "threshold", in: 0...1)
        } catch {
            throw error.nested(under: "answer_options")
        }
    }

    /// A warning for each `answer_options` key the contract does not define.
    static func warnings(for value: JSONValue?) -> [RewardWarning] {
        guard case .object(let object)? = value else { return [] }
        return object.members.map(\.key).filter { !keys.contains($0) }.map { name in
            let hint = FieldSpelling.closest(to: name, among: keys).map { " (did you mean '\($0)'?)" } ?? ""
            return RewardWarning(code: .unknownField, message: "unknown answer_options key '\(name)' was ignored\(hint)", field: "answer_options.\(name)")
        }
    }

    /// Reads `[width, height]` under `key` (`image_size`, `input_size`).
    static func size(_ value: JSONValue?, _ key: String) throws(RewardError) -> Size? {
        guard let value else { return nil }
        guard case .array(let items) = value, items.count == 2, let width = items[0].double, let height = items[1].double else {
            throw WireField.wrongType(key, "[width, height]")
        }
        guard width > 0, height > 0, width <= 1e6, height <= 1e6 else {
            throw RewardError(code: .outOfRange, message: "\(key) must hold two sizes between 0 and 1000000 pixels", field: key)
        }
        return Size(width: width, height: height)
    }

    /// Writes the options that differ from the defaults as an `answer_options` object.
    func write(to writer: inout JSONWriter) {
        let defaults = AnswerOptions()
        writer.raw("{")
        var first = true
        func key(_ name: String) {
            writer.memberKey(name, first: first)
            first = false
        }
        if let iouThreshold { key("iou_threshold"); writer.number(iouThreshold) }
        if coordinates != defaults.coordinates { key("coords"); writer.string(coordinates.rawValue) }
        if boxesMode != defaults.boxesMode { key("mode"); writer.string(boxesMode.rawValue) }
        if let radius { key("radius"); writer.number(radius) }
        if orderingCredit != defaults.orderingCredit { key("partial"); writer.string(orderingCredit.rawValue) }
        else if setCredit != defaults.setCredit { key("partial"); writer.string(setCredit.rawValue) }
        else if codeCredit != defaults.codeCredit { key("partial"); writer.string(codeCredit.rawValue) }
        if textMetric != defaults.textMetric { key("metric"); writer.string(textMetric.rawValue) }
        if caseSensitive != defaults.caseSensitive { key("case_sensitive"); writer.bool(caseSensitive) }
        if collapseWhitespace != defaults.collapseWhitespace { key("collapse_whitespace"); writer.bool(collapseWhitespace) }
        if let threshold { key("threshold"); writer.number(threshold) }
        writer.raw("}")
    }
}

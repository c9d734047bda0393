/// A value per component, stored inline: scoring fills three of these per rollout, and a dictionary
/// allocation each was a measurable share of a rule-only score.
public struct ComponentMap<Value: Sendable & Equatable>: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    // Inlinable storage and access: the server's metrics and other modules read these maps for every
    // rollout, and unspecialized generic code there cost more than the reads themselves.
    @usableFromInline var format, answer, judge, think, logic, grounding, consistency: Value?

    /// An empty map.
    @inlinable public init() {}

    /// A map from a literal such as `[.format: 1, .answer: 0]`.
    public init(dictionaryLiteral elements: (ComponentName, Value)...) {
        for (name, value) in elements { self[name] = value }
    }

    /// The value for `name`, or nil.
    @inlinable public subscript(name: ComponentName) -> Value? {
        get {
            switch name {
            case .format: format
            case .answer: answer
            case .judge: judge
            case .think: think
            case .logic: logic
            case .grounding: grounding
            case .consistency: consistency
            }
        }
        set {
            switch name {
            case .format: format = newValue
            case .answer: answer = newValue
            case .judge: judge = newValue
            case .think: think = newValue
            case .logic: logic = newValue
            case .grounding: grounding = newValue
            case .consistency: consistency = newValue
            }
        }
    }

    /// The components that have a value, in the spec's order.
    public var keys: [ComponentName] { ComponentName.inSpecOrder.filter { self[$0] != nil } }

    /// The values present, in the spec's order.
    public var values: [Value] { ComponentName.inSpecOrder.compactMap { self[$0] } }

    /// Whether no component has a value.
    public var isEmpty: Bool { ComponentName.inSpecOrder.allSatisfy { self[$0] == nil } }

    /// How many components have a value.
    public var count: Int { ComponentName.inSpecOrder.count { self[$0] != nil } }

    /// The present (component, value) pairs in the spec's order.
    @inlinable public func makeIterator() -> Iterator {
        Iterator(map: self)
    }

    /// Walks the components in the spec's order without building an array: results and metrics
    /// iterate every rollout's maps.
    public struct Iterator: IteratorProtocol {
        @usableFromInline let map: ComponentMap
        @usableFromInline var position = 0

        @inlinable init(map: ComponentMap) {
            self.map = map
        }

        /// The next present (component, value) pair.
        @inlinable public mutating func next() -> (key: ComponentName, value: Value)? {
            while position < ComponentName.specOrderCount {
                let name = ComponentName.inSpecOrder(position)
                position += 1
                if let value = map[name] { return (name, value) }
            }
            return nil
        }
    }
}

// Reading the golden screen files and comparing them, field by field, with
// records the real library built: each record is turned into the same JSON
// shape the Rust test writes (snake_case names, enums as snake_case
// strings) by reflection, so every field of every record is compared and a
// field added on either side is reported too.
import Foundation
import XCTest

indirect enum JSONValue: Decodable, Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    subscript(key: String) -> JSONValue {
        if case let .object(o) = self, let v = o[key] { return v }
        return .null
    }

    subscript(index: Int) -> JSONValue {
        if case let .array(a) = self, a.indices.contains(index) { return a[index] }
        return .null
    }

    var string: String? { if case let .string(s) = self { return s }; return nil }
    var number: Double? { if case let .number(n) = self { return n }; return nil }
    var bool: Bool? { if case let .bool(b) = self { return b }; return nil }
    var array: [JSONValue] { if case let .array(a) = self { return a }; return [] }
    var strings: [String] { array.compactMap(\.string) }

    var description: String {
        switch self {
        case .null: return "null"
        case let .bool(b): return String(b)
        case let .number(n): return String(n)
        case let .string(s): return "\"\(s)\""
        case let .array(a): return "[\(a.count) items]"
        case let .object(o): return "{\(o.keys.sorted().joined(separator: ","))}"
        }
    }
}

enum Golden {
    static var folder: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("tests/fixtures/screens")
    }

    static func load(_ name: String) throws -> JSONValue {
        let data = try Data(contentsOf: folder.appendingPathComponent("\(name).json"))
        return try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// "checkInDue" -> "check_in_due", as serde's snake_case spells it.
    static func snake(_ name: String) -> String {
        var out = ""
        for ch in name {
            if ch.isUppercase {
                if !out.isEmpty { out.append("_") }
                out.append(contentsOf: ch.lowercased())
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// Any generated record, enum, list, optional or scalar as JSON.
    static func encode(_ value: Any) -> JSONValue {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let inner = mirror.children.first else { return .null }
            return encode(inner.value)
        case .collection:
            return .array(mirror.children.map { encode($0.value) })
        case .struct, .class:
            var object: [String: JSONValue] = [:]
            for child in mirror.children {
                guard let label = child.label else { continue }
                object[snake(label)] = encode(child.value)
            }
            return .object(object)
        case .enum:
            guard let payload = mirror.children.first, let label = payload.label else {
                return .string(snake(String(describing: value)))
            }
            return .object([snake(label): encode(payload.value)])
        default:
            if let b = value as? Bool { return .bool(b) }
            if let s = value as? String { return .string(s) }
            if let d = value as? Double { return .number(d) }
            if let i = value as? any BinaryInteger { return .number(Double(i)) }
            return .string(String(describing: value))
        }
    }

    /// Every place where `actual` differs from `expected`, by path.
    static func differences(_ expected: JSONValue, _ actual: JSONValue, at path: String = "") -> [String] {
        switch (expected, actual) {
        case let (.object(e), .object(a)):
            var out: [String] = []
            for key in Set(e.keys).union(a.keys).sorted() {
                out += differences(e[key] ?? .null, a[key] ?? .null, at: "\(path).\(key)")
                if e[key] == nil { out.append("\(path).\(key): not in the golden file") }
                if a[key] == nil { out.append("\(path).\(key): not in the record") }
            }
            return out
        case let (.array(e), .array(a)):
            var out = e.count == a.count ? [] : ["\(path): \(e.count) items in the golden file, \(a.count) built"]
            for (i, pair) in zip(e, a).enumerated() { out += differences(pair.0, pair.1, at: "\(path)[\(i)]") }
            return out
        default:
            return expected == actual ? [] : ["\(path): golden \(expected), built \(actual)"]
        }
    }

    /// Fails the test, naming each differing field, unless `record` matches.
    static func assertMatches(_ record: Any, _ golden: JSONValue, _ what: String,
                              file: StaticString = #filePath, line: UInt = #line) {
        let diff = differences(golden, encode(record))
        XCTAssert(diff.isEmpty, "\(what) differs from its golden file:\n" + diff.prefix(20).joined(separator: "\n"),
                  file: file, line: line)
    }
}

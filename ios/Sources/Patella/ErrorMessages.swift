// The Rust text of every Patella error, as the error's description.
//
// The errors cross as flat uniffi errors: each case carries the Rust
// `Display` text as its one `message`. The generated `errorDescription`
// (what `localizedDescription` shows) is `String(reflecting:)`, which reads
// `debugDescription` once the error conforms to
// `CustomDebugStringConvertible`, so this file makes that the Rust text.
// Hand-written: scripts/gen-bindings writes only Generated.swift here.
import Foundation

/// A Patella error whose cases each carry the core's message.
public protocol PatellaError: Error, CustomDebugStringConvertible {}

extension PatellaError {
    /// The core's message, written for the runner or the app's log.
    public var message: String {
        guard let payload = Mirror(reflecting: self).children.first?.value else { return "" }
        if let text = payload as? String { return text }
        // A labelled single payload may reflect as a one-element tuple.
        return Mirror(reflecting: payload).children.first?.value as? String ?? ""
    }

    /// The core's message, so that `localizedDescription` shows it.
    public var debugDescription: String { message }
}

extension CoachError: PatellaError {}
extension RunSessionError: PatellaError {}
extension SensorError: PatellaError {}
extension StoreError: PatellaError {}

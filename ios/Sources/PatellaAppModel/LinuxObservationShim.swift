// Linux only: Swift 6.0's Observation runtime refers to
// `swift::threading::fatal`, which the Linux toolchain before 6.2 does not
// ship (swiftlang/swift issue 75670), so linking any @Observable type fails.
// This defines the symbol. It is never compiled for Apple platforms.
#if os(Linux)
@_cdecl("_ZN5swift9threading5fatalEPKcz")
func patellaObservationThreadingFatal(_ message: UnsafePointer<CChar>) -> Never {
    fatalError(String(cString: message))
}
#endif

// swift-tools-version:5.9
// Patella for Apple platforms: the generated Swift bindings over the Rust core.
//
// The C side of the bindings comes either from `PatellaFFI.xcframework`
// (built on a Mac by scripts/build-xcframework, for iOS apps) or, when that
// is absent, from a system-library target that links the host build of
// libpatella_ffi (Linux and macOS test runs; see scripts/test-swift).
import Foundation
import PackageDescription

let packageDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
let xcframework = "PatellaFFI.xcframework"
let hasXCFramework = FileManager.default.fileExists(atPath: "\(packageDir)/\(xcframework)")

let ffiTarget: Target = hasXCFramework
    ? .binaryTarget(name: "PatellaFFI", path: xcframework)
    : .systemLibrary(name: "PatellaFFI", path: "Sources/PatellaFFI")

let package = Package(
    name: "Patella",
    platforms: [.iOS(.v15), .macOS(.v12)],
    products: [
        .library(name: "Patella", targets: ["Patella"]),
    ],
    targets: [
        ffiTarget,
        // The static library inside the XCFramework brings btleplug, which
        // talks to CoreBluetooth; the host library links it itself.
        .target(name: "Patella", dependencies: ["PatellaFFI"], path: "Sources/Patella",
                linkerSettings: hasXCFramework ? [.linkedFramework("CoreBluetooth")] : []),
        .testTarget(name: "PatellaTests", dependencies: ["Patella"], path: "Tests/PatellaTests"),
        // The per-call FFI cost measurement, run by scripts/bench-ffi only.
        .executableTarget(name: "PatellaBench", dependencies: ["Patella"], path: "Sources/PatellaBench"),
    ],
    swiftLanguageVersions: [.v5]
)

// swift-tools-version:5.10
// Patella for Apple platforms, one package laid out like android/:
//
// - Patella: the generated Swift bindings over the Rust core (android/patella).
//   The C side comes either from `PatellaFFI.xcframework` (built on a Mac by
//   scripts/build-xcframework, for iOS apps) or, when that is absent, from a
//   system-library target that links the host build of libpatella_ffi
//   (Linux and macOS test runs; see scripts/test-swift).
// - PatellaAppModel: Foundation and Observation only (android/shell). Screen
//   models, the ordered hop of observer calls onto the main actor, the app
//   session and the cue policy. Built and tested on Linux against the real
//   Rust library (scripts/test-ios-app).
// - PatellaPlatform: speech, haptics, metronome, notifications, Live Activity
//   and pedometer adapters. What needs an iOS-only framework (UIKit,
//   ActivityKit, AVAudioSession, CMPedometer's cadence) sits in `#if os(iOS)`
//   inside its file, so a Mac's `swift build` compiles the rest for macOS.
// - PatellaUI: the SwiftUI screens; they read their model's state and call
//   its intents, nothing else (scripts/lint-ios-views).
// - App/: the iPhone app target (android/app), made by XcodeGen from
//   App/project.yml over this package's libraries.
// - Tests: PatellaTests (the bindings, scripts/test-swift) and
//   PatellaAppModelTests (the app model, scripts/test-ios-app).
// - PatellaBench: the per-call FFI cost measurement, run by scripts/bench-ffi.
//
// PatellaPlatform and PatellaUI exist only where SwiftUI does, so a Linux
// build sees the bindings, the model and their tests alone.
import Foundation
import PackageDescription

let packageDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
let xcframework = "PatellaFFI.xcframework"
let hasXCFramework = FileManager.default.fileExists(atPath: "\(packageDir)/\(xcframework)")

let ffiTarget: Target = hasXCFramework
    ? .binaryTarget(name: "PatellaFFI", path: xcframework)
    : .systemLibrary(name: "PatellaFFI", path: "Sources/PatellaFFI")

var products: [Product] = [
    .library(name: "Patella", targets: ["Patella"]),
    .library(name: "PatellaAppModel", targets: ["PatellaAppModel"]),
]
var targets: [Target] = [
    ffiTarget,
    // The static library inside the XCFramework brings btleplug, which
    // talks to CoreBluetooth; the host library links it itself.
    .target(name: "Patella", dependencies: ["PatellaFFI"], path: "Sources/Patella",
            linkerSettings: hasXCFramework ? [.linkedFramework("CoreBluetooth")] : []),
    .target(name: "PatellaAppModel", dependencies: ["Patella"], path: "Sources/PatellaAppModel"),
    .testTarget(name: "PatellaTests", dependencies: ["Patella"], path: "Tests/PatellaTests"),
    .testTarget(name: "PatellaAppModelTests", dependencies: ["PatellaAppModel", "Patella"],
                path: "Tests/PatellaAppModelTests"),
    // The per-call FFI cost measurement, run by scripts/bench-ffi only.
    .executableTarget(name: "PatellaBench", dependencies: ["Patella"], path: "Sources/PatellaBench"),
]

#if canImport(SwiftUI)
products += [
    .library(name: "PatellaPlatform", targets: ["PatellaPlatform"]),
    .library(name: "PatellaUI", targets: ["PatellaUI"]),
]
targets += [
    .target(name: "PatellaPlatform", dependencies: ["PatellaAppModel"], path: "Sources/PatellaPlatform"),
    .target(name: "PatellaUI", dependencies: ["PatellaAppModel"], path: "Sources/PatellaUI"),
]
#endif

let package = Package(
    name: "Patella",
    // A package has one platforms line, so it takes the higher of the two
    // former packages' floors: the bindings alone ran on iOS 15 / macOS 12,
    // but PatellaAppModel's screen models are @Observable, and Observation
    // (which PatellaUI's views rely on to redraw) needs iOS 17 / macOS 14.
    platforms: [.iOS(.v17), .macOS(.v14)],
    products: products,
    targets: targets,
    swiftLanguageVersions: [.v5]
)

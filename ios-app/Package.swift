// swift-tools-version:5.10
// The Patella iPhone app's shell, over the bindings package in ../ios.
//
// - PatellaAppModel: Foundation and Observation only. Screen models, the
//   ordered hop of observer calls onto the main actor, the app session and
//   the cue policy. Built and tested on Linux against the real Rust library
//   (scripts/test-ios-app).
// - PatellaPlatform: speech, haptics, metronome, notifications, Live
//   Activity and pedometer adapters (iOS frameworks).
// - PatellaUI: the SwiftUI screens; they read their model's state and call
//   its intents, nothing else (scripts/lint-ios-views).
// The last two exist only where SwiftUI does, so a Linux build sees the
// model and its tests alone. The app target itself is made by XcodeGen from
// App/project.yml.
import PackageDescription

var products: [Product] = [
    .library(name: "PatellaAppModel", targets: ["PatellaAppModel"]),
]
var targets: [Target] = [
    .target(
        name: "PatellaAppModel",
        dependencies: [.product(name: "Patella", package: "ios")],
        path: "Sources/PatellaAppModel"
    ),
    .testTarget(
        name: "PatellaAppModelTests",
        dependencies: ["PatellaAppModel", .product(name: "Patella", package: "ios")],
        path: "Tests/PatellaAppModelTests"
    ),
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
    name: "PatellaApp",
    platforms: [.iOS(.v17), .macOS(.v14)],
    products: products,
    dependencies: [.package(path: "../ios")],
    targets: targets,
    swiftLanguageVersions: [.v5]
)

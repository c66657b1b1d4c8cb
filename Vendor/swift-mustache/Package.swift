// swift-tools-version:5.9
// swift-mustache 2.1.1 (hummingbird-project/swift-mustache, Apache License 2.0), with the
// rendering fast paths described in README.md. Only the library target is kept.

import PackageDescription

let package = Package(
    name: "swift-mustache",
    platforms: [.macOS(.v10_15), .iOS(.v13), .tvOS(.v13), .watchOS(.v6)],
    products: [
        .library(name: "Mustache", targets: ["Mustache"])
    ],
    targets: [
        .target(name: "Mustache")
    ],
    swiftLanguageVersions: [.v5, .version("6")]
)

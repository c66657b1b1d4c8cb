// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Meridian",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "meridian", targets: ["meridian"]),
        .library(name: "CourseKit", targets: ["CourseKit"]),
        .library(name: "Records", targets: ["Records"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // swift-mustache 2.1.1 with rendering fast paths: see Vendor/swift-mustache/README.md.
        .package(path: "Vendor/swift-mustache"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]),
        .systemLibrary(name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]),
        .target(
            name: "CourseKit",
            dependencies: [
                "CCmark",
                "CLibYAML",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "Records",
            dependencies: [
                "CourseKit",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "Packaging",
            dependencies: [
                "CourseKit",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "PreviewServer",
            dependencies: [
                "CourseKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "meridian",
            dependencies: [
                "CourseKit",
                "Records",
                "Packaging",
                "PreviewServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // jemalloc in place of the C library's malloc: a build allocates millions of small
            // strings from several threads, and this takes a fifth off its processor time.
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))],
            plugins: ["EmbedCourseFiles"]
        ),
        .executableTarget(name: "embed-files", path: "Sources/embed-files"),
        .plugin(name: "EmbedCourseFiles", capability: .buildTool(), dependencies: ["embed-files"]),
        .testTarget(
            name: "CourseKitTests",
            dependencies: ["CourseKit"],
            exclude: ["Fixtures", "__Snapshots__"]
        ),
        .testTarget(
            name: "PreviewServerTests",
            dependencies: ["PreviewServer", "CourseKit"]
        ),
        .testTarget(
            name: "PackagingTests",
            dependencies: ["Packaging", "CourseKit"]
        ),
        .testTarget(
            name: "RecordsTests",
            dependencies: ["Records", "CourseKit"]
        ),
        // What the fuzzer feeds (Fuzz/README.md); `make fuzz` builds the driver with libFuzzer.
        .target(name: "FuzzTargets", dependencies: ["CourseKit", "Records"], path: "Fuzz/Targets"),
        .executableTarget(name: "meridian-fuzz", dependencies: ["FuzzTargets"], path: "Fuzz/Driver"),
        .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzTargets"]),
    ]
)

import Foundation
import PackagePlugin

/// Embeds the default templates, the country dataset, the starter course and the LMS package's
/// scripts and schemas into the `meridian` binary, so `meridian new` and `meridian package` work
/// from any folder with nothing installed beside them.
@main
struct EmbedCourseFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let folders = [
            ("Templates", root.appendingPathComponent("Templates")),
            ("Data", root.appendingPathComponent("Content/data")),
            ("Starter", root.appendingPathComponent("Starter")),
            ("LMS", root.appendingPathComponent("LMS")),
        ]
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedFiles.swift")
        var inputs: [URL] = []
        for (_, folder) in folders {
            let paths = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
            inputs += paths.map { folder.appendingPathComponent($0) }
        }
        return [.buildCommand(
            displayName: "Embedding templates, data and the starter course",
            executable: try context.tool(named: "embed-files").url,
            arguments: [output.path] + folders.map { "\($0.0)=\($0.1.path)" },
            inputFiles: inputs,
            outputFiles: [output]
        )]
    }
}

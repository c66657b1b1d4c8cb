import Foundation

/// `imsmanifest.xml` of a SCORM 1.2 package (ADL SCORM, schema version 1.2): one organization
/// with one item, a SCO that launches the course and lists every file of the package.
struct SCORM12Manifest: Sendable {
    var courseId: String
    var title: String
    var version: String
    /// 0–100: the score a learner needs to pass, as `adlcp:masteryscore`.
    var masteryScore: Int
    var launch: String
    var files: [String]

    /// The schema files the manifest names, shipped beside it.
    static let schemaFiles = ["imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd", "ims_xml.xsd"]

    /// The mastery score for a pass mark given as a fraction (0.8 → 80).
    static func masteryScore(passScore: Double) throws(PackageFailure) -> Int {
        let score = (passScore * 100 - 1e-9).rounded(.up)
        guard passScore.isFinite, score >= 0, score <= 100 else {
            throw .manifest("course.yaml: passScore \(passScore) gives a mastery score outside 0–100")
        }
        return Int(score)
    }

    /// The limits the ADL schemas set that a course's own words could break.
    func validate() throws(PackageFailure) {
        if title.count > 200 { throw .manifest("course.yaml: title is \(title.count) characters; the schema allows 200") }
        if version.count > 20 { throw .manifest("course.yaml: version is \(version.count) characters; the schema allows 20") }
        if !(0...100).contains(masteryScore) { throw .manifest("mastery score \(masteryScore) is outside 0–100") }
        for text in [title, version] where text.unicodeScalars.contains(where: Self.isForbiddenInXML) {
            throw .manifest("course.yaml: '\(text)' holds a character XML cannot carry")
        }
        if let long = files.first(where: { $0.utf8.count > 2000 }) {
            throw .manifest("'\(long)': a file path may have 2,000 characters")
        }
    }

    /// The manifest's text.
    var xml: String {
        let fileList = files.map { "      <file href=\"\(escaped($0))\"/>" }.joined(separator: "\n")
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest identifier="\(identifier)" version="\(escaped(version))"
                  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
                  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
          <metadata>
            <schema>ADL SCORM</schema>
            <schemaversion>1.2</schemaversion>
          </metadata>
          <organizations default="course">
            <organization identifier="course">
              <title>\(escaped(title))</title>
              <item identifier="course-item" identifierref="course-sco" isvisible="true">
                <title>\(escaped(title))</title>
                <adlcp:masteryscore>\(masteryScore)</adlcp:masteryscore>
              </item>
            </organization>
          </organizations>
          <resources>
            <resource identifier="course-sco" type="webcontent" adlcp:scormtype="sco" href="\(escaped(launch))">
        \(fileList)
            </resource>
          </resources>
        </manifest>

        """
    }

    /// An xsd:ID from the course id: letters, digits, '.', '-' and '_', starting with a letter.
    var identifier: String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_")
        let body = String(courseId.map { allowed.contains($0) ? $0 : "-" }.prefix(200))
        return "meridian-" + body
    }

    private func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    private static func isForbiddenInXML(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && ![0x09, 0x0A, 0x0D].contains(scalar.value)) || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}

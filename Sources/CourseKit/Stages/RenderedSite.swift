import Synchronization

/// One language's site as the render stage leaves it: every page and course-wide file, each
/// made when the write or check stage asks for it.
struct RenderedSite: Sendable {
    let renderer: PageRenderer
    /// Every page, in the order they are best rendered.
    let pages: [PageRenderer.Page]
    /// The files beside the pages: search index, country data, texts, course data, record schema.
    let courseFiles: [SiteFile]
    /// What making the course files worked out, which `serve` keeps.
    let kept: Kept

    /// Values that making a course file sets, read once the write stage is done.
    final class Kept: Sendable {
        let searchEntries = Slot<[SearchIndex.Page]>()
        let courseData = Slot<CourseDataScript>()
    }

    /// A value that one job of a `Parallel.map` sets and the caller reads once the map is done.
    final class Slot<Value: Sendable>: Sendable {
        private let stored = Mutex<Value?>(nil)

        var value: Value? {
            get { stored.withLock { $0 } }
            set { stored.withLock { $0 = newValue } }
        }
    }
}

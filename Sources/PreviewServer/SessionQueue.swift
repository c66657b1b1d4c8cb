import Dispatch

/// The preview session's executor: a serial queue of its own, on which every build and the
/// wait for changes run, one job at a time. A build waits for every core and inotify's wait
/// blocks, so neither may hold one of the few threads that Swift's tasks, and so the
/// server's requests, share.
final class SessionQueue: SerialExecutor {
    private let queue = DispatchQueue(label: "meridian.serve.session")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}

// The run's 1 Hz heartbeat: ticks the session (its clock, the Run screen)
// once a second while a run is live.
import Foundation
import PatellaAppModel

@MainActor
public final class RunTicker {
    private var timer: Timer?
    private weak var session: AppSession?

    public init(session: AppSession) {
        self.session = session
    }

    public func start() {
        guard timer == nil else { return }
        let timer = Timer(timeInterval: 1, repeats: true) { [weak self] _ in
            Task { @MainActor in self?.session?.tick() }
        }
        // A small tolerance lets the system batch wake-ups.
        timer.tolerance = 0.1
        RunLoop.main.add(timer, forMode: .common)
        self.timer = timer
    }

    public func stop() {
        timer?.invalidate()
        timer = nil
    }
}

// The phone's own cadence from CMPedometer, pushed into the run as
// pedometer samples when no foot pod is read.
// iOS only: CMPedometer.isCadenceAvailable() has no macOS version (iOS,
// iPadOS, Mac Catalyst, watchOS), though CMPedometer itself has.
#if os(iOS)
import CoreMotion
import PatellaAppModel

@MainActor
public final class PedometerCadence {
    private let pedometer = CMPedometer()
    private weak var session: AppSession?

    public init(session: AppSession) {
        self.session = session
    }

    public static var isAvailable: Bool { CMPedometer.isCadenceAvailable() }

    public func start() {
        guard Self.isAvailable else { return }
        pedometer.startUpdates(from: Date()) { [weak self] data, _ in
            // CMPedometer gives steps per second.
            guard let perSecond = data?.currentCadence?.doubleValue else { return }
            Task { @MainActor in self?.session?.pushPedometer(stepsPerMinute: perSecond * 60) }
        }
    }

    public func stop() {
        pedometer.stopUpdates()
    }
}
#endif

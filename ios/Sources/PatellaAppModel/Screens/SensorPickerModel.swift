// The Sensor picker: the foot pods a scan found, strongest first, and the
// scan's state, from `SensorClient.pickerScreen` and the observer's `onPicker`.
import Foundation
import Observation
import Patella

/// One found sensor. Fed by `SensorChoice`.
public struct SensorRow: Equatable, Identifiable, Sendable {
    /// `id`: the sensor's id, the row's identity.
    public var id: String
    /// `label`: its name.
    public var label: String
    /// `signalBars` (0-4) as the fill of the bars symbol on the right, 0-1.
    public var signalFill: Double
    /// `signalLabel`: the bars' accessibility text.
    public var signalLabel: String
}

/// What the Sensor picker view shows. Fed by `SensorPickerScreen`.
public struct SensorPickerState: Equatable, Sendable {
    /// `message`: where the scan stands (also the empty state).
    public var message: String
    /// `sensors`: the list.
    public var sensors: [SensorRow]
    /// `scanEnabled`: enables Scan.
    public var scanEnabled: Bool
    /// `state == .scanning`: shows the spinner.
    public var scanning: Bool
    /// The core's message when a scan or a pairing was refused.
    public var errorMessage: String?

    public static let empty = SensorPickerState(message: "", sensors: [], scanEnabled: true, scanning: false,
                                                errorMessage: nil)
}

@MainActor
@Observable
public final class SensorPickerModel {
    /// The core's strongest signal, in bars.
    static let fullBars = 4.0
    /// How long one scan listens, in seconds (project's choice).
    static let scanSeconds = 8.0

    public private(set) var state = SensorPickerState.empty
    @ObservationIgnored weak var session: AppSession?

    public init() {}

    public func show(_ screen: SensorPickerScreen) {
        state = SensorPickerState(
            message: screen.message,
            sensors: screen.sensors.map {
                SensorRow(id: $0.id, label: $0.label, signalFill: Double($0.signalBars) / Self.fullBars, signalLabel: $0.signalLabel)
            },
            scanEnabled: screen.scanEnabled,
            scanning: screen.state == .scanning,
            errorMessage: state.errorMessage)
    }

    func fail(_ error: Error) {
        state.errorMessage = error.localizedDescription
    }

    // MARK: intents

    public func scan() {
        state.errorMessage = nil
        session?.scanForSensors(seconds: Self.scanSeconds)
    }

    public func choose(_ row: SensorRow) {
        state.errorMessage = nil
        session?.pair(sensorId: row.id, name: row.label)
    }
}

// The one way observer calls from the library's delivery threads reach the
// app: in the order they were made, on the main actor, and never after close.
import Foundation
import Patella

/// Queues calls from any thread and hands them, in order, to a main-actor
/// handler. One `AsyncStream` and one consumer task: per-call `Task`s could
/// start out of order, a single consumer cannot.
public final class MainActorRelay<Call>: @unchecked Sendable {
    private let continuation: AsyncStream<Call>.Continuation
    private var consumer: Task<Void, Never>?
    // Read and written on the main actor only: once set, nothing more is handed on.
    @MainActor private var closed = false

    @MainActor
    public init(_ handle: @escaping @MainActor (Call) -> Void) {
        let (stream, continuation) = AsyncStream<Call>.makeStream(bufferingPolicy: .unbounded)
        self.continuation = continuation
        consumer = Task { @MainActor [weak self] in
            for await call in stream {
                guard let self, !self.closed else { return }
                handle(call)
            }
        }
    }

    /// From any thread; returns at once.
    public func send(_ call: Call) {
        continuation.yield(call)
    }

    /// After this returns, the handler is never called again, even for
    /// calls already queued.
    @MainActor
    public func close() {
        closed = true
        continuation.finish()
        consumer?.cancel()
        consumer = nil
    }

    deinit {
        continuation.finish()
    }
}

/// The run session's observer: every event onto the main actor, in order.
public final class RunEventRelay: RunObserver, @unchecked Sendable {
    public let relay: MainActorRelay<RunEvent>

    @MainActor
    public init(_ handle: @escaping @MainActor (RunEvent) -> Void) {
        relay = MainActorRelay(handle)
    }

    public func onEvent(event: RunEvent) {
        relay.send(event)
    }
}

/// One sensor observer call, as data.
public enum SensorCall {
    case state(SensorConnectionState)
    case battery(UInt8)
    case details(SensorDetails)
    case warning(SensorWarning)
    case picker(SensorPickerScreen)
}

/// The sensor client's observer: every call onto the main actor, in order.
public final class SensorEventRelay: SensorObserver, @unchecked Sendable {
    public let relay: MainActorRelay<SensorCall>

    @MainActor
    public init(_ handle: @escaping @MainActor (SensorCall) -> Void) {
        relay = MainActorRelay(handle)
    }

    public func onState(state: SensorConnectionState) { relay.send(.state(state)) }
    public func onBattery(percent: UInt8) { relay.send(.battery(percent)) }
    public func onDetails(details: SensorDetails) { relay.send(.details(details)) }
    public func onWarning(warning: SensorWarning) { relay.send(.warning(warning)) }
    public func onPicker(screen: SensorPickerScreen) { relay.send(.picker(screen)) }
}

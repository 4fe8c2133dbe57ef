// A metronome on AVAudioEngine: one buffer holding a short click and the
// silence up to the next beat, looped by the player node, so every click
// lands on an exact sample however busy the main thread is.
// iOS only: it activates the AVAudioSession, which macOS does not have
// (AVFAudio's AVAudioSession: iOS, iPadOS, Mac Catalyst, tvOS, watchOS, visionOS).
#if os(iOS)
import AVFoundation
import PatellaAppModel

@MainActor
public final class ClickMetronome: Metronome {
    private let engine = AVAudioEngine()
    private let player = AVAudioPlayerNode()
    private let format = AVAudioFormat(standardFormatWithSampleRate: 44_100, channels: 1)!
    /// Click length in seconds, and its pitch in hertz (project's choice).
    private static let clickSeconds = 0.015
    private static let clickHz = 1_500.0

    public init() {
        engine.attach(player)
        engine.connect(player, to: engine.mainMixerNode, format: format)
    }

    public func start(intervalMs: UInt32) {
        stop()
        guard let buffer = beat(intervalMs: intervalMs) else { return }
        try? AVAudioSession.sharedInstance().setActive(true)
        try? engine.start()
        player.scheduleBuffer(buffer, at: nil, options: .loops)
        player.play()
    }

    public func stop() {
        player.stop()
        engine.stop()
    }

    private func beat(intervalMs: UInt32) -> AVAudioPCMBuffer? {
        let rate = format.sampleRate
        let frames = AVAudioFrameCount(rate * Double(intervalMs) / 1_000)
        guard frames > 0, let buffer = AVAudioPCMBuffer(pcmFormat: format, frameCapacity: frames),
              let samples = buffer.floatChannelData?[0] else { return nil }
        buffer.frameLength = frames
        let clickFrames = min(Int(rate * Self.clickSeconds), Int(frames))
        for i in 0..<Int(frames) {
            let t = Double(i) / rate
            // A sine burst fading out over the click; silence after it.
            samples[i] = i < clickFrames
                ? Float(sin(2 * .pi * Self.clickHz * t) * (1 - Double(i) / Double(clickFrames)) * 0.8)
                : 0
        }
        return buffer
    }
}
#endif

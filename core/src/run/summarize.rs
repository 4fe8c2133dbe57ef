//! Summing a session up: each admitted reading goes into the session's
//! [`RunLog`] (band time, moving time, distance, the trace), and
//! [`RunSession::finish`] turns the log into the [`RunSessionSummary`].

use super::error::RunError;
use super::event::RunEvent;
use super::session::RunSession;
use super::summary::{
    CadenceTally, MAX_TOTAL_DISTANCE_MPS, RunDistanceSource, RunLog, RunSessionSummary,
    SegmentSummary,
};
use super::tracking::LastReading;
use super::view::RunStatus;
use crate::cadence::CadenceBand;
use crate::sample::{CadenceSample, MonoMs};

impl RunSession {
    /// Takes one admitted reading into the log, after the track has
    /// classified it.
    pub(super) fn log_reading(&mut self, now_ms: MonoMs, sample: &CadenceSample) {
        let band = self
            .target_spm
            .map(|t| CadenceBand::around(t, &self.config.cadence.alert));
        let reading = self.track.last_reading;
        let moving = matches!(reading, LastReading::Walking | LastReading::Running);
        let running_spm = match reading {
            LastReading::Running => self.track.last_smoothed.map(|s| s.spm),
            _ => None,
        };
        let log = &mut self.log;
        let dt_ms = log
            .prev_reading_active_ms
            .map_or(0, |prev| self.active_ms.saturating_sub(prev))
            .min(self.config.signal_gap_ms);
        log.prev_reading_active_ms = Some(self.active_ms);
        if let Some(spm) = running_spm {
            log.trace.add(now_ms, spm);
        }
        let dt_s = dt_ms as f64 / 1_000.0;
        let by_total = match (log.prev_total_m, sample.total_distance_m) {
            (Some(prev), Some(now)) if dt_ms > 0 => {
                Some(now - prev).filter(|d| (0.0..=MAX_TOTAL_DISTANCE_MPS * dt_s).contains(d))
            }
            _ => None,
        };
        if sample.total_distance_m.is_some() {
            log.prev_total_m = sample.total_distance_m;
        }
        if dt_ms == 0 {
            return;
        }
        if let Some(d) = by_total {
            log.total_seen = true;
            log.distance_m += d;
        } else if moving && let Some(speed) = sample.speed_mps {
            log.speed_seen = true;
            log.distance_m += speed * dt_s;
        }
        log.total.add(dt_ms, moving, running_spm, band);
        if log.per_segment.len() <= self.segment {
            log.per_segment
                .resize(self.segment + 1, CadenceTally::default());
        }
        if let Some(tally) = log.per_segment.get_mut(self.segment) {
            tally.add(dt_ms, moving, running_spm, band);
        }
    }

    /// Ends the run (as a stop by the runner, if it is still under way) and
    /// sums it up. The events are those of the stop. Refused before the start.
    pub fn finish(
        &mut self,
        now_ms: MonoMs,
    ) -> Result<(RunSessionSummary, Vec<RunEvent>), RunError> {
        if self.status == RunStatus::NotStarted {
            return Err(RunError::NotStarted);
        }
        let events = self.stop(now_ms)?;
        Ok((self.summary(self.session_time(now_ms)), events))
    }

    /// The summary as of `now_ms`, changing nothing (for a run already over,
    /// the time it ended).
    pub fn summary(&self, now_ms: MonoMs) -> RunSessionSummary {
        let log = &self.log;
        let start = log.started_at_ms.unwrap_or(now_ms);
        let end = log.ended_at_ms.unwrap_or(now_ms).max(start);
        let band = self
            .target_spm
            .map(|t| CadenceBand::around(t, &self.config.cadence.alert));
        let segments = self
            .segments
            .iter()
            .enumerate()
            .map(|(index, s)| SegmentSummary {
                index,
                kind: s.kind,
                planned_ms: s.duration_ms,
                elapsed_ms: self
                    .active_ms
                    .clamp(s.start_ms, s.end_ms())
                    .saturating_sub(s.start_ms),
                cadence: log.per_segment.get(index).copied().unwrap_or_default(),
            })
            .collect();
        let (trace_step_s, cadence_trace) = log.trace_points();
        RunSessionSummary {
            duration_ms: (end - start).saturating_add(log.carried_ms),
            active_ms: self.active_ms,
            moving_ms: log.total.moving_ms,
            distance_m: (log.total_seen || log.speed_seen).then_some(log.distance_m),
            distance_source: if log.total_seen {
                RunDistanceSource::SensorTotal
            } else if log.speed_seen {
                RunDistanceSource::SensorSpeed
            } else {
                RunDistanceSource::Absent
            },
            target_spm: self.target_spm,
            band_low_spm: band.map(|b| b.low_spm),
            band_high_spm: band.map(|b| b.high_spm),
            cadence: log.total,
            segments,
            alerts: log.alerts.clone(),
            alert_count: log.alert_count,
            check_ins: log.check_ins.clone(),
            check_in_count: log.check_in_count,
            completed: self.status == RunStatus::Complete,
            stop_reason: log.stop_reason,
            trace_step_s,
            cadence_trace,
            trace_origin_ms: log.started_at_ms.map(|s| s.saturating_sub(log.carried_ms)),
        }
    }

    /// The log the summary is built from.
    pub fn log(&self) -> &RunLog {
        &self.log
    }
}

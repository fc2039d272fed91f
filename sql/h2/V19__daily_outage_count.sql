-- How many of a channel day's stored reads carry the meter's power-outage flag (quality bit 2).
-- VEE takes the like-day history of high-low-usage from daily_channel_reading instead of loading four
-- weeks of raw reads per judged day; a like day must be complete, and a day with flagged reads is not.
ALTER TABLE daily_channel_reading ADD COLUMN outage_count INTEGER DEFAULT 0 NOT NULL;
COMMENT ON COLUMN daily_channel_reading.outage_count IS 'Reads of the day flagged power-off by the meter (quality bit 2).';

-- Existing flagged reads, counted in the local day in which each interval starts.
UPDATE daily_channel_reading d SET outage_count = (
    SELECT COUNT(*) FROM interval_read r
    JOIN channel ch ON ch.id = r.channel_id
    JOIN usage_point up ON up.id = ch.usage_point_id
    WHERE r.channel_id = d.channel_id AND BITAND(r.quality, 2) <> 0
      AND CAST(DATEADD(MINUTE, -ch.interval_minutes, r.interval_end) AT TIME ZONE up.time_zone AS DATE) = d.local_day)
WHERE EXISTS (SELECT 1 FROM interval_read r WHERE r.channel_id = d.channel_id AND BITAND(r.quality, 2) <> 0);

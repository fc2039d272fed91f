-- Oracle 23ai. Reviewed, not executed on our machines.
-- How many of a channel day's stored reads carry the meter's power-outage flag (quality bit 2).
-- VEE takes the like-day history of high-low-usage from daily_channel_reading instead of loading four
-- weeks of raw reads per judged day; a like day must be complete, and a day with flagged reads is not.
ALTER TABLE daily_channel_reading ADD outage_count NUMBER(10) DEFAULT 0 NOT NULL;
COMMENT ON COLUMN daily_channel_reading.outage_count IS 'Reads of the day flagged power-off by the meter (quality bit 2).';

-- Existing flagged reads, counted in the local day in which each interval starts.
MERGE INTO daily_channel_reading d
USING (SELECT r.channel_id,
              TRUNC(CAST((r.interval_end - NUMTODSINTERVAL(ch.interval_minutes, 'MINUTE')) AT TIME ZONE up.time_zone AS DATE)) AS local_day,
              COUNT(*) AS n
       FROM interval_read r
       JOIN channel ch ON ch.id = r.channel_id
       JOIN usage_point up ON up.id = ch.usage_point_id
       WHERE BITAND(r.quality, 2) <> 0 AND ch.interval_minutes IS NOT NULL
       GROUP BY r.channel_id,
                TRUNC(CAST((r.interval_end - NUMTODSINTERVAL(ch.interval_minutes, 'MINUTE')) AT TIME ZONE up.time_zone AS DATE))) o
ON (d.channel_id = o.channel_id AND d.local_day = o.local_day)
WHEN MATCHED THEN UPDATE SET d.outage_count = o.n;

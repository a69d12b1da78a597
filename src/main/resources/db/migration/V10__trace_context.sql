-- W3C traceparent of the request that stored the message / of the processing that wrote the event, so a trace runs
-- from the callback to the Kafka record across the inbox and the outbox. Null when tracing is off.
alter table inbox_message add column trace_parent text;
alter table outbox_event add column trace_parent text;

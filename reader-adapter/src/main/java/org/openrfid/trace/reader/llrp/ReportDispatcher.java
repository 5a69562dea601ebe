package org.openrfid.trace.reader.llrp;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.llrp.ltk.generated.messages.READER_EVENT_NOTIFICATION;
import org.llrp.ltk.generated.parameters.ReaderEventNotificationData;
import org.openrfid.trace.reader.TagRead;
import org.openrfid.trace.reader.TagReadBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a reader says unasked, handled alike during set-up and while streaming: each RO_ACCESS_REPORT
 * becomes one {@link TagReadBatch} for the sink (through our own {@link RoAccessReportDecoder}, not
 * ltkjava), each KEEPALIVE is acknowledged, events and ERROR_MESSAGEs are logged. One per session:
 * its counters outlive the connections.
 */
final class ReportDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ReportDispatcher.class);

    private final String readerId;
    private final Consumer<TagReadBatch> sink;
    private final Clock clock;
    private final ReadRateMeter reads;
    private final Consumer<String> readerErrors;
    private final RoAccessReportDecoder decoder;
    private final AtomicLong sinkErrors = new AtomicLong();
    private volatile Instant lastKeepalive;

    /** @param readerErrors told of each ERROR_MESSAGE the reader sends unasked, for the session's status */
    ReportDispatcher(String readerId, Consumer<TagReadBatch> sink, Clock clock, ReadRateMeter reads, Consumer<String> readerErrors) {
        this.readerId = readerId;
        this.sink = sink;
        this.clock = clock;
        this.reads = reads;
        this.readerErrors = readerErrors;
        // These are the fields our ROReportSpec enables, hence subject to §13.2.3 carry-over.
        this.decoder = new RoAccessReportDecoder(EnumSet.allOf(RoAccessReportDecoder.CarriedField.class),
                RoAccessReportDecoder.DEFAULT_TID_OPSPEC_ID, RoAccessReportDecoder.DEFAULT_USER_OPSPEC_ID);
    }

    /** Values carried over from the last report (§13.2.3) belong to the old connection. */
    void newConnection() {
        decoder.reset();
    }

    Instant lastKeepalive() {
        return lastKeepalive;
    }

    long sinkErrors() {
        return sinkErrors.get();
    }

    void dispatch(byte[] frame, LlrpChannel channel) throws IOException, LlrpDecodeException {
        switch (LlrpFrames.type(frame)) {
            case LlrpMessageType.RO_ACCESS_REPORT -> report(frame);
            case LlrpMessageType.KEEPALIVE -> {
                // §13.1.13: answer with KEEPALIVE_ACK carrying the same message ID.
                channel.sendRaw(LlrpFrames.headerOnly(LlrpMessageType.KEEPALIVE_ACK, LlrpFrames.messageId(frame)));
                lastKeepalive = clock.instant();
            }
            case LlrpMessageType.READER_EVENT_NOTIFICATION -> event(frame);
            case LlrpMessageType.ERROR_MESSAGE -> {
                LlrpStatus status = LlrpStatus.at(frame, LlrpFrames.HEADER_LENGTH);
                String code = LlrpStatus.name(status == null ? -1 : status.code());
                readerErrors.accept("ERROR_MESSAGE " + code);
                log.warn("[{}] reader sent ERROR_MESSAGE {} for message {}", readerId, code, LlrpFrames.messageId(frame));
            }
            default -> log.debug("[{}] ignoring LLRP message type {}", readerId, LlrpFrames.type(frame));
        }
    }

    private void report(byte[] frame) throws LlrpDecodeException {
        long receivedAt = micros(clock.instant());
        List<TagRead> batch = new ArrayList<>();
        decoder.decode(frame, 0, frame.length, tag -> batch.add(tag.toTagRead(readerId, receivedAt)));
        if (batch.isEmpty()) {
            return;
        }
        reads.add(batch.size());
        try {
            sink.accept(new TagReadBatch(readerId, batch));
        } catch (RuntimeException e) {
            sinkErrors.incrementAndGet();
            log.error("[{}] tag read sink failed on a batch of {} reads", readerId, batch.size(), e);
        }
    }

    private void event(byte[] frame) {
        try {
            ReaderEventNotificationData data = ((READER_EVENT_NOTIFICATION) ClientMessages.decode(frame)).getReaderEventNotificationData();
            if (data != null && data.getConnectionCloseEvent() != null) {
                log.info("[{}] reader announced it is closing the connection", readerId);
            } else if (data != null && data.getReaderExceptionEvent() != null) {
                log.warn("[{}] reader exception event: {}", readerId, data.getReaderExceptionEvent().getMessage());
            } else {
                log.debug("[{}] reader event", readerId);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("[{}] undecodable reader event: {}", readerId, e.toString());
        }
    }

    static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }
}

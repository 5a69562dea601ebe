package org.openrfid.trace.reader.camel;

import java.time.Duration;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;
import org.openrfid.trace.reader.llrp.ConnectionMode;
import org.openrfid.trace.reader.llrp.LlrpConnector;
import org.openrfid.trace.reader.llrp.LlrpReaderConfig;

/** One reader as a consumer-only endpoint; URI options map onto {@link LlrpReaderConfig}. */
public class LlrpEndpoint extends DefaultEndpoint {

    public static final String READER_ID_HEADER = "LlrpReaderId";

    private final String readerId;
    private String host = "127.0.0.1";
    private int port = LlrpReaderConfig.DEFAULT_PORT;
    private long keepaliveMs = 5000;
    private long reportEveryMs = 250;
    private int reportEveryTags = 100;
    private boolean readTid = true;
    private long initialBackoffMs = 1000;
    private long maxBackoffMs = 60_000;
    /** A connection up this long starts the reconnect delays over; one dropped sooner is a flap. */
    private long stablePeriodMs = LlrpReaderConfig.DEFAULT_STABLE_PERIOD.toMillis();
    private ConnectionMode connection = ConnectionMode.CLIENT;
    private boolean tls;
    /** Reader-initiated only: sources besides {@code host} the reader may dial in from, comma-separated. */
    private String allowedAddresses = "";

    public LlrpEndpoint(String uri, LlrpComponent component, String readerId) {
        super(uri, component);
        this.readerId = readerId;
    }

    @Override
    public LlrpComponent getComponent() {
        return (LlrpComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("llrp endpoints are consumers only: readers send reports, not receive them");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        LlrpConsumer consumer = new LlrpConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    LlrpReaderConfig readerConfig() {
        return new LlrpReaderConfig(readerId, host, port, Duration.ofMillis(keepaliveMs), Duration.ofMillis(reportEveryMs),
                reportEveryTags, readTid, Duration.ofMillis(initialBackoffMs), Duration.ofMillis(maxBackoffMs),
                Duration.ofMillis(stablePeriodMs));
    }

    /** How the session gets its link: dialled (TCP or TLS) or handed over by the component's listener. */
    LlrpConnector connector() throws Exception {
        if (connection == ConnectionMode.READER_INITIATED) {
            return getComponent().listener().connectorFor(readerId, host, java.util.List.of(allowedAddresses.split(",")));
        }
        return tls ? LlrpConnector.tls(host, port, getComponent().requireClientTls(readerId), getComponent().isVerifyHostName())
                : LlrpConnector.tcp(host, port);
    }

    public ConnectionMode getConnection() {
        return connection;
    }

    public void setConnection(ConnectionMode connection) {
        this.connection = connection;
    }

    public boolean isTls() {
        return tls;
    }

    public void setTls(boolean tls) {
        this.tls = tls;
    }

    public String getReaderId() {
        return readerId;
    }

    public String getAllowedAddresses() {
        return allowedAddresses;
    }

    public void setAllowedAddresses(String allowedAddresses) {
        this.allowedAddresses = allowedAddresses == null ? "" : allowedAddresses;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public long getKeepaliveMs() {
        return keepaliveMs;
    }

    public void setKeepaliveMs(long keepaliveMs) {
        this.keepaliveMs = keepaliveMs;
    }

    public long getReportEveryMs() {
        return reportEveryMs;
    }

    public void setReportEveryMs(long reportEveryMs) {
        this.reportEveryMs = reportEveryMs;
    }

    public int getReportEveryTags() {
        return reportEveryTags;
    }

    public void setReportEveryTags(int reportEveryTags) {
        this.reportEveryTags = reportEveryTags;
    }

    public boolean isReadTid() {
        return readTid;
    }

    public void setReadTid(boolean readTid) {
        this.readTid = readTid;
    }

    public long getInitialBackoffMs() {
        return initialBackoffMs;
    }

    public void setInitialBackoffMs(long initialBackoffMs) {
        this.initialBackoffMs = initialBackoffMs;
    }

    public long getMaxBackoffMs() {
        return maxBackoffMs;
    }

    public void setMaxBackoffMs(long maxBackoffMs) {
        this.maxBackoffMs = maxBackoffMs;
    }

    public long getStablePeriodMs() {
        return stablePeriodMs;
    }

    public void setStablePeriodMs(long stablePeriodMs) {
        this.stablePeriodMs = stablePeriodMs;
    }
}

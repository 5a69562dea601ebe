package org.openrfid.trace.reader.llrp;

/**
 * LLRP 1.0.1 message type numbers (§16.1: the 10-bit Type of every header). Plain constants, not an
 * enum, so a frame can be switched on by the number in its header and a number we have no name for
 * stays an ordinary int. Responses are named too: their numbers follow no rule that holds for all
 * (CLOSE_CONNECTION, 14, is answered by 4).
 */
public final class LlrpMessageType {

    public static final int GET_READER_CAPABILITIES = 1;
    public static final int GET_READER_CONFIG = 2;
    public static final int SET_READER_CONFIG = 3;
    public static final int CLOSE_CONNECTION_RESPONSE = 4;
    public static final int GET_READER_CAPABILITIES_RESPONSE = 11;
    public static final int GET_READER_CONFIG_RESPONSE = 12;
    public static final int SET_READER_CONFIG_RESPONSE = 13;
    public static final int CLOSE_CONNECTION = 14;
    public static final int ADD_ROSPEC = 20;
    public static final int DELETE_ROSPEC = 21;
    public static final int START_ROSPEC = 22;
    public static final int STOP_ROSPEC = 23;
    public static final int ENABLE_ROSPEC = 24;
    public static final int DISABLE_ROSPEC = 25;
    public static final int ADD_ROSPEC_RESPONSE = 30;
    public static final int DELETE_ROSPEC_RESPONSE = 31;
    public static final int START_ROSPEC_RESPONSE = 32;
    public static final int STOP_ROSPEC_RESPONSE = 33;
    public static final int ENABLE_ROSPEC_RESPONSE = 34;
    public static final int DISABLE_ROSPEC_RESPONSE = 35;
    public static final int ADD_ACCESSSPEC = 40;
    public static final int DELETE_ACCESSSPEC = 41;
    public static final int ENABLE_ACCESSSPEC = 42;
    public static final int DISABLE_ACCESSSPEC = 43;
    public static final int ADD_ACCESSSPEC_RESPONSE = 50;
    public static final int DELETE_ACCESSSPEC_RESPONSE = 51;
    public static final int ENABLE_ACCESSSPEC_RESPONSE = 52;
    public static final int DISABLE_ACCESSSPEC_RESPONSE = 53;
    public static final int RO_ACCESS_REPORT = 61;
    public static final int KEEPALIVE = 62;
    public static final int READER_EVENT_NOTIFICATION = 63;
    public static final int KEEPALIVE_ACK = 72;
    public static final int ERROR_MESSAGE = 100;
    public static final int CUSTOM_MESSAGE = 1023;

    private LlrpMessageType() {
    }
}

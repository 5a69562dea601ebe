package org.openrfid.trace.service.tag;

import java.util.Map;
import org.openrfid.trace.identity.EpcDecoder;
import org.openrfid.trace.identity.EpcEncoder;
import org.openrfid.trace.identity.EpcInput;
import org.openrfid.trace.identity.InvalidEpcException;
import org.openrfid.trace.identity.TagDataDecoder;
import org.openrfid.trace.identity.TagIdentity;
import org.openrfid.trace.reader.RawEpc;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Decodes and encodes EPCs (GS1 EPC TDS 1.13) for people and tools: any form in, every representation out.
 * Invalid input is answered with an RFC 9457 problem detail whose detail says what is wrong.
 */
@RestController
@RequestMapping("/api/v1/tags")
class TagController {

    /** A decoded tag: {@link TagIdentity} with the EPC as hex (whole bytes, pad bits zero) and its bit length. */
    record TagView(String scheme, Integer filter, String tagUri, String pureIdentityUri, String gs1ElementString,
                   String digitalLink, Map<String, String> fields, String epc, int bits) {

        static TagView of(TagIdentity id) {
            return new TagView(id.scheme(), id.filter(), id.tagUri(), id.pureIdentityUri(), id.gs1ElementString(),
                    id.digitalLink(), id.fields(), id.epc().toHex(), id.epc().bitLength());
        }
    }

    record EncodedEpc(String epc, int bits) {
    }

    /**
     * {@code epc}: hex, tag URI, pure-identity URI, raw URI, GS1 Digital Link or element string;
     * {@code bits}: bit length when {@code epc} is hex whose last digit is partly padding;
     * {@code pc}: the Gen2 PC word in hex (toggle bit 0x0100 selects ISO data with the AFI in the low byte);
     * {@code gcp}: company prefix length for Digital Link and element-string input.
     */
    @GetMapping("/decode")
    TagView decode(@RequestParam String epc, @RequestParam(required = false) Integer bits,
                   @RequestParam(required = false) String pc, @RequestParam(required = false) Integer gcp) {
        RawEpc raw = bits != null ? EpcInput.parseHex(epc, bits) : gcp != null ? EpcInput.parse(epc, gcp) : EpcInput.parse(epc);
        return TagView.of(EpcDecoder.decode(raw, pc == null ? TagDataDecoder.NO_PC_WORD : pcWord(pc)));
    }

    /** {@code uri}: an EPC tag URI with filter, e.g. {@code urn:epc:tag:sgtin-96:3.0614141.812345.6789}. */
    @GetMapping("/encode")
    EncodedEpc encode(@RequestParam String uri) {
        RawEpc raw = EpcEncoder.encode(uri);
        return new EncodedEpc(raw.toHex(), raw.bitLength());
    }

    @ExceptionHandler(InvalidEpcException.class)
    ProblemDetail invalidEpc(InvalidEpcException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid EPC");
        return problem;
    }

    private static int pcWord(String hex) {
        String h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        if (h.isEmpty() || h.length() > 4 || !h.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new InvalidEpcException("pc: '" + hex + "' is not a 16-bit PC word in hex");
        }
        return Integer.parseInt(h, 16);
    }
}

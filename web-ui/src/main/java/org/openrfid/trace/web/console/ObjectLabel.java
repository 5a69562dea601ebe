package org.openrfid.trace.web.console;

import org.openrfid.trace.service.registry.binding.ObjectKind;

/**
 * What a person reads for a traced object, not its id: the plate of a vehicle, the product of a goods
 * item, the SSCC and consignment of a pallet, the title of a book.
 *
 * @param title   the main text (plate, product, "SSCC …", title)
 * @param detail  a message key or plain text that completes it: the vehicle type code, the serial, the
 *                consignment, the call number; may be empty
 * @param typeKey for vehicles the message key of the vehicle type ({@code vehicleType.K33}); null otherwise
 * @param href    the object's page
 */
public record ObjectLabel(ObjectKind kind, String id, String title, String detail, String typeKey, String href) {

    public static String pathOf(ObjectKind kind) {
        return switch (kind) {
            case VEHICLE -> "/vehicles/";
            case GOODS -> "/goods/";
            case PALLET -> "/pallets/";
            case LIBRARY_ITEM -> "/library-items/";
        };
    }

    /** The message key of the kind's name ({@code kind.VEHICLE}). */
    public String kindKey() {
        return "kind." + kind.name();
    }
}

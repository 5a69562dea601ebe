package org.openrfid.trace.service.registry.goods;

/** A logistic unit (pallet, unit load) identified by its SSCC; its tag is bound to the SSCC. */
public record Pallet(String sscc, String consignment) {

    public Pallet {
        sscc = GoodsFields.sscc(sscc);
        consignment = GoodsFields.optionalText(consignment, 64);
    }
}

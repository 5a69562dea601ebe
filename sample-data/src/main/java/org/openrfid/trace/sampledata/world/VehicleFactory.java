package org.openrfid.trace.sampledata.world;

import java.util.List;
import java.util.SplittableRandom;
import org.openrfid.trace.sampledata.epc.Giai96;
import org.openrfid.trace.sampledata.epc.Tid;

/**
 * Vehicle number i of a fleet, derived from the seed and i alone so the streaming generator can
 * name the tag of vehicle 4,711,000 without building the 4,710,999 before it.
 *
 * <p>Windscreen tag EPCs are GIAI-96 (filter 0) under {@link #VEHICLE_COMPANY_PREFIX}: a vehicle is an
 * individual asset of its registering authority, GIAI is the GS1 key for exactly that, and unlike
 * GID-96 it carries a company prefix a GS1-aware decoder already understands. The prefix is in the
 * GS1 952 range reserved for demonstrations, so no real company's tags are imitated.
 */
public final class VehicleFactory {
    public static final String VEHICLE_COMPANY_PREFIX = "9521001";
    /** Asset references start here so every vehicle tag has the same number of digits. */
    public static final long FIRST_ASSET_REFERENCE = 100_000_000L;

    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"; // I and O are never used on plates
    private static final List<String> PREFIXES = List.of("渝A", "渝B", "渝C", "渝D", "渝F", "渝G", "渝H",
            "川A", "贵A", "鄂A", "陕A", "湘A", "云A", "粤B");
    private static final int[] PREFIX_WEIGHTS = {45, 8, 6, 10, 5, 5, 4, 6, 3, 2, 2, 1, 2, 1};
    private static final List<String> PASSENGER_WMI = List.of("LSV", "LFV", "LVS", "LS5", "LSG", "LGB", "LVH");
    private static final List<String> TRUCK_WMI = List.of("LZZ", "LFW", "LGA", "LZG");
    private static final List<String> EV_WMI = List.of("LGX", "LRW", "LC0", "LZW");

    private final long seed;

    public VehicleFactory(long seed) {
        this.seed = seed;
    }

    public String epc(long index) {
        return new Giai96(0, VEHICLE_COMPANY_PREFIX, FIRST_ASSET_REFERENCE + index).hex();
    }

    public String tid(long index) {
        Tid.Chip chip = index % 3 == 0 ? Tid.Chip.NXP_UCODE_8 : Tid.Chip.IMPINJ_MONZA_R6;
        return new Tid(chip, Tid.scrambledSerial(index, seed)).hex();
    }

    /** About 0.5 % stolen and 3 % with an expired inspection, decided by a hash so it is stable per index. */
    public String status(long index) {
        long bucket = Math.floorMod(Seeds.mix(seed, index, 0x57A7L), 1000L);
        return bucket < 5 ? Vehicle.STOLEN : bucket < 35 ? Vehicle.INSPECTION_EXPIRED : Vehicle.ACTIVE;
    }

    /**
     * @param attempt 0 first; the world builder retries with 1, 2, ... when a plate is already taken
     */
    public Vehicle vehicle(long index, int attempt) {
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, index, attempt));
        String prefix = PREFIXES.get(weighted(random, PREFIX_WEIGHTS));
        int kind = random.nextInt(100);
        String plate;
        String plateType;
        String colour;
        String vehicleType;
        String wmi;
        if (kind < 70) { // small car, blue plate: 小型汽车号牌 (02)
            plate = prefix + ordinarySerial(random);
            plateType = "02";
            colour = "blue";
            vehicleType = random.nextInt(10) < 6 ? "K33" : random.nextInt(4) == 0 ? "H31" : "K31";
            wmi = PASSENGER_WMI.get(random.nextInt(PASSENGER_WMI.size()));
        } else if (kind < 88) { // small new-energy, green plate: 6-character serial starting D (electric) or F (hybrid)
            plate = prefix + (random.nextInt(4) == 0 ? 'F' : 'D') + alnum(random) + digits(random, 4);
            plateType = "52";
            colour = "green";
            vehicleType = random.nextBoolean() ? "K33" : "K31";
            wmi = EV_WMI.get(random.nextInt(EV_WMI.size()));
        } else if (kind < 98) { // large vehicle, yellow plate: 大型汽车号牌 (01)
            plate = prefix + ordinarySerial(random);
            plateType = "01";
            colour = "yellow";
            vehicleType = tankBody(index, List.of("H11", "H11", "Q11", "K11", "H21").get(random.nextInt(5)));
            wmi = TRUCK_WMI.get(random.nextInt(TRUCK_WMI.size()));
        } else { // large new-energy (city buses), yellow-green plate: serial ends D or F
            plate = prefix + digits(random, 5) + (random.nextInt(5) == 0 ? 'F' : 'D');
            plateType = "51";
            colour = "yellow_green";
            vehicleType = "K11";
            wmi = EV_WMI.get(random.nextInt(EV_WMI.size()));
        }
        return new Vehicle(plate, plateType, colour, vehicleType, vin(random, wmi), status(index), epc(index), tid(index));
    }

    /**
     * About one heavy or medium ordinary goods vehicle in three is a tanker (GA 24.4 H14 heavy, H24 medium tank body), the body type that
     * dangerous goods travel in, so the demo gives a dangerous-goods rule something to find. Decided by a hash of
     * the index, not by the random stream, so every other field of the fleet stays what it was.
     */
    private String tankBody(long index, String bodyType) {
        boolean tanker = Math.floorMod(Seeds.mix(seed, index, 0x7A4BL), 3L) == 0;
        return !tanker ? bodyType : switch (bodyType) {
            case "H11" -> "H14";
            case "H21" -> "H24";
            default -> bodyType;
        };
    }

    private static String ordinarySerial(SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> letter(random) + digits(random, 4);
            case 1 -> digits(random, 5);
            case 2 -> letter(random) + letter(random) + digits(random, 3);
            case 3 -> digits(random, 1) + letter(random) + digits(random, 3);
            default -> letter(random) + digits(random, 3) + letter(random);
        };
    }

    private static String vin(SplittableRandom random, String wmi) {
        StringBuilder vin = new StringBuilder(wmi);
        for (int i = 3; i < 8; i++) {
            vin.append(Vin.character(random.nextInt(33)));
        }
        vin.append('0'); // check digit placeholder
        vin.append("HJKLMNPRS".charAt(random.nextInt(9))); // model years 2017-2025
        vin.append(Vin.character(10 + random.nextInt(23))); // plant code
        vin.append(digits(random, 6));
        return Vin.withCheckDigit(vin.toString());
    }

    private static String letter(SplittableRandom random) {
        return String.valueOf(LETTERS.charAt(random.nextInt(LETTERS.length())));
    }

    private static String alnum(SplittableRandom random) {
        return random.nextBoolean() ? letter(random) : digits(random, 1);
    }

    private static String digits(SplittableRandom random, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    static int weighted(SplittableRandom random, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int pick = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        throw new IllegalStateException();
    }
}

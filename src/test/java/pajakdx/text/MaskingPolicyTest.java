package pajakdx.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import pajakdx.privacy.GeneratedIdentifiers;

/**
 * The one masking policy ({@link Masking#maskText}): identifiers are masked however they are
 * written (the property test below), and the long numbers of everyday tax text that are not
 * identifiers stay readable (the corpus), so "mask every long digit run" would fail this test.
 */
class MaskingPolicyTest {
    /**
     * Numbers of 12 digits or more (once separators are looked through, as the policy does) that
     * are not identifiers; and shorter ones that a careless policy might still catch.
     */
    static final List<String> NOT_IDENTIFIERS = List.of(
            // dates and times, alone, as ranges and lists
            "Per 2025-02-03 10:15 WIB",
            "tanggal 03-02-2025 10.15 WIB",
            "03/02/2025 10:15:30",
            "2025-02-03T10:15:30+07:00",
            "periode 2025-01-01 - 2025-01-21",
            "periode 01/01/2025-21/01/2025",
            "2025-01-01/2025-01-21",
            "gangguan 11.01.2025 s.d. 21.01.2025",
            "Masa Pajak 01/2025-12/2025",
            "tahun pajak 2023, 2024, 2025",
            "downtime 2025-01-18 22:00 - 2025-01-19 06:00",
            // amounts
            "Rp 1.500.000",
            "omzet Rp 150.000.000.000",
            "Rp1.234.567.890.123,45",
            "IDR 12,345,678,901.00",
            "DPP 12.345.678.901.234 rupiah",
            "PPN 1.000.000.000,00",
            // counts
            "500 faktur, 10000 baris, 20.000 nilai, 1000000 karakter",
            // error codes
            "ETAX-40005 Tidak Dapat Menghubungi ETaxInvoice Server",
            "ETAX-40001; HTTP 500; kode 20001",
            // faktur numbers and NSFP
            "faktur 010.000-25.00000001",
            "faktur 010.000-25.00000001, 010.000-25.00000002 dan 011.000-25.00000003",
            "NSFP 000-25.00000001 s.d. 000-25.00000100",
            "NSFP 000-25.00000001 - 000-25.00000100",
            "Coretax 04002500000012345",
            "Coretax 01.00.25.000-12345678",
            // phone numbers
            "Kring Pajak 1500200",
            "(021) 1500200",
            "021-1500200",
            "+62 21 1500200",
            "0812-3456-7890",
            "+62 812-3456-7890",
            "WA (+62) 812 3456 7890");

    /** Identifiers (and near-identifiers) in free text: each is masked to its last three digits. */
    static final List<String[]> IDENTIFIERS = List.of(
            new String[] {"NPWP 31.725.469.8-103.482", "NPWP **.***.***.*-***.482"},
            new String[] {"NIK 3174 0565 0291 0004", "NIK **** **** **** *004"},
            new String[] {"judul 3172:5469:8103:482", "judul ****:****:****:482"},
            new String[] {"31,725,469,8-103,482", "**,***,***,*-***,482"},
            new String[] {"#317254#698103#482", "#******#******#482"},
            new String[] {"317254698\n103482", "*********\n***482"},
            new String[] {"(317254)(698103)(482)", "(******)(******)(482)"},
            new String[] {"317254|698103|482", "******|******|482"},
            new String[] {"317254698+103482", "*********+***482"},
            new String[] {"317254*698103*482", "**************482"},
            new String[] {"317254698\t103482", "*********\t***482"},
            new String[] {"3172546\u200B98103482", "*******\u200B*****482"},
            new String[] {"wp-0317254698103483.yaml", "wp-*************483.yaml"},
            new String[] {"NPWP\u00A0317\u2009254\u2009698\u2009103\u2009482", "NPWP\u00A0***\u2009***\u2009***\u2009***\u2009482"},
            new String[] {"\uFF13\uFF11\uFF17\uFF12\uFF15\uFF14\uFF16\uFF19\uFF18\uFF11\uFF10\uFF13\uFF14\uFF18\uFF12",
                    "************\uFF14\uFF18\uFF12"},
            new String[] {"NITKU 0317254698103482000000", "NITKU *******************000"},
            new String[] {"NPWP 317254698103482, NIK 3174056502910004", "NPWP ************482, NIK *************004"},
            new String[] {"317254698103482, 3174056502910004", "***************, *************004"},
            new String[] {"dua belas 123456789012", "dua belas *********012"},
            // identifiers next to numbers that alone would be readable: the whole run is masked
            new String[] {"2025-02-03 317254698103482", "****-**-** ************482"},
            new String[] {"Rp 1.000 317254698103482", "Rp *.*** ************482"},
            // a faktur number written without its layout cannot be told from an NPWP 16
            new String[] {"0100002500000001", "*************001"},
            new String[] {"317.254.698.103.482", "***.***.***.***.482"});

    @Test
    void theCorpusOfNumbersThatAreNotIdentifiersStaysReadable() {
        int longRuns = 0;
        for (String text : NOT_IDENTIFIERS) {
            assertEquals(text, Masking.maskText(text), "not an identifier: " + text);
            longRuns += DigitRuns.find(text).stream().filter(r -> r.digitCount() >= Masking.IDENTIFIER_DIGITS).count();
        }
        // Most of the corpus is long runs: a policy masking every run of 12 digits or more fails here.
        assertTrue(longRuns >= 25, "long runs in the corpus: " + longRuns);
        System.out.printf("corpus: %d texts, %d numbers of 12 digits or more, all readable%n", NOT_IDENTIFIERS.size(),
                longRuns);
    }

    @Test
    void identifiersAreMaskedHoweverTheyAreWritten() {
        for (String[] c : IDENTIFIERS) {
            assertEquals(c[1], Masking.maskText(c[0]), "masking " + c[0]);
        }
    }

    @Test
    void maskingIsIdempotent_andFileNamesKeepTheirFolders() {
        for (String[] c : IDENTIFIERS) {
            assertEquals(c[1], Masking.maskText(c[1]));
        }
        assertEquals("/tmp/junit1234567890123456/wp-************482.yaml",
                Masking.maskFileName("/tmp/junit1234567890123456/wp-317254698103482.yaml"));
    }

    /** Review finding: 33 zero-width spaces between two halves of an NPWP left it readable. */
    @Test
    void anyNumberOfInvisibleCharacters_insideAnIdentifier_hidesNothing() {
        for (int n : new int[] {1, 32, 33, 100, 5_000}) {
            String zw = "\u200B".repeat(n);
            String masked = Masking.maskText("NPWP 0123456" + zw + "789012000 ok");
            assertTrue(masked.replace("\u200B", "").equals("NPWP *************000 ok"), n + ": " + masked);
            int cut = Masking.safeCut("x".repeat(10) + " 0123456" + zw + "789012000", 15);
            assertEquals(11, cut, "a cut inside the run drops it whole (" + n + ")");
        }
    }

    @Test
    void aCutNeverSplitsARun_whateverSeparatesItsGroups() {
        String text = "x".repeat(50) + " 3172\u200B5469 : 8103 (482) akhir";
        for (int max = 51; max < 75; max++) {
            String cut = text.substring(0, Masking.safeCut(text, max));
            assertTrue(DigitRuns.countDigits(cut) == 0 || DigitRuns.countDigits(cut) == 15, max + ": " + cut);
        }
    }

    // --- the property test: generated identifiers × separators ---

    static final String[] CONTEXT = {"NPWP ", "nik: ", "NIK=", "WP ", "", "no. ", "(", "\"", "pesan ", "#", "wp-",
            "Username ", "NITKU "};
    static final String[] AFTER = {"", " ditolak", ")", ".yaml", " tidak terdaftar", "\"", ", terima kasih", "!"};

    @Test
    void property_generatedIdentifiersTimesSeparators_keepAtMostTheirLastThreeDigits() {
        long seed = Long.getLong("pajakdx.masking.seed", 20250203L);
        int count = Integer.getInteger("pajakdx.masking.count", 20_000);
        Random r = new Random(seed);
        for (int i = 0; i < count; i++) {
            String id = GeneratedIdentifiers.identifier(r);
            String text = CONTEXT[r.nextInt(CONTEXT.length)] + GeneratedIdentifiers.written(r, id)
                    + AFTER[r.nextInt(AFTER.length)];
            String masked = Masking.maskText(text);
            StringBuilder left = new StringBuilder();
            masked.codePoints().filter(DigitRuns::isDigit).forEach(cp -> left.append(Character.getNumericValue(cp)));
            assertTrue(left.length() <= 3 && id.endsWith(left.toString()),
                    "seed " + seed + ", #" + i + ": " + id + " written as '" + text + "' came out as '" + masked + "'");
        }
    }
}

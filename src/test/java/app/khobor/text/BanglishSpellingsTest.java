package app.khobor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Common ways readers type news words in Latin letters, against a vocabulary where the Bengali word is present (the
 * fixture feeds do not hold all of them): each must resolve to that one word.
 */
class BanglishSpellingsTest {
    private static final Vocabulary NEWS_WORDS = Vocabulary.fromTitles(List.of(
            "সংবাদ প্রতিবাদ মিছিল সমাবেশ হরতাল বিক্ষোভ জনগণ রোগী বন্যা তাপমাত্রা আগুন বিমানবন্দর রায়ের "
            + "স্বাস্থ্য অর্থনীতি যুদ্ধ শান্তি চুক্তি বিতর্ক ফল পূর্ব পশ্চিম এইচএসসি শীর্ষ সংসদ বাজেট চট্টগ্রামে "
            + "কক্সবাজারে ইউনূস খালেদা জিয়া শেখ হাসিনা আওয়ামী লীগ জামায়াতে ইসলামী নির্বাচনে সরকারের পুলিশের "
            + "ধর্ষণ অন্তর্বর্তী উপদেষ্টা সেনাপ্রধান বিচারপতি"));
    private static final BanglishQuery QUERY = new BanglishQuery(NEWS_WORDS);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "shongbad, সংবাদ", "sangbad, সংবাদ", "protibad, প্রতিবাদ", "michil, মিছিল", "shomabesh, সমাবেশ",
        "samabesh, সমাবেশ", "hortal, হরতাল", "hartal, হরতাল", "bikkhov, বিক্ষোভ", "jonogon, জনগণ", "rogi, রোগী",
        "bonna, বন্যা", "banya, বন্যা", "tapmatra, তাপমাত্রা", "agun, আগুন", "bimanbondor, বিমানবন্দর",
        "swasthya, স্বাস্থ্য", "orthoniti, অর্থনীতি", "arthoniti, অর্থনীতি", "juddho, যুদ্ধ", "yuddha, যুদ্ধ",
        "shanti, শান্তি", "chukti, চুক্তি", "bitorko, বিতর্ক", "fol, ফল", "purbo, পূর্ব", "poschim, পশ্চিম",
        "hsc, এইচএসসি", "shirsho, শীর্ষ", "sangsad, সংসদ", "shongshod, সংসদ", "budget, বাজেট", "bajet, বাজেট",
        "chattogram, চট্টগ্রাম", "chittagong, চট্টগ্রাম", "yunus, ইউনূস", "khaleda, খালেদা", "zia, জিয়া",
        "sheikh, শেখ", "hasina, হাসিনা", "awami, আওয়ামী", "league, লীগ", "jamaat, জামায়াত", "islami, ইসলামী",
        "nirbachon, নির্বাচন", "sorkarer, সরকারের", "policer, পুলিশের", "dhorshon, ধর্ষণ", "ontorborti, অন্তর্বর্তী",
        "upodeshta, উপদেষ্টা", "senaprodhan, সেনাপ্রধান", "bicharpoti, বিচারপতি"
    })
    void a_common_latin_spelling_resolves_to_the_news_word(String latin, String bengali) {
        assertThat(QUERY.expand(List.of(latin)).get(latin)).containsExactly(BengaliText.searchKey(bengali));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"cox, s, bazar"})
    void cox_s_bazar_is_one_word(String cox, String s, String bazar) {
        assertThat(QUERY.expand(List.of(cox, s, bazar)).values()).containsOnly(List.of(BengaliText.searchKey("কক্সবাজার")));
    }
}

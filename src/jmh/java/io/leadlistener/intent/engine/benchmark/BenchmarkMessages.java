package io.leadlistener.intent.engine.benchmark;

import io.leadlistener.intent.engine.IntentRule;
import io.leadlistener.intent.engine.RuleFile;
import io.leadlistener.intent.engine.RuleKind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic benchmark inputs: customer-like messages of about 45 characters, and the two dictionaries
 * (12 rules; 2,000 rules = the shipped dictionary plus generated keywords built from the same characters
 * the messages use, so the automaton sees realistic partial matches).
 */
final class BenchmarkMessages {

    static final int MESSAGE_COUNT = 10_000;

    private static final String[] OPENINGS = {"你好，", "老板，", "亲，", "在吗？", "您好！", "Hi，", "王经理，", "打扰一下，", "", ""};
    private static final String[] PRODUCTS = {"不锈钢保温杯", "LED面板灯", "蓝牙耳机", "面膜", "茶叶礼盒", "五金配件", "纸箱", "瓷砖",
            "儿童服装", "宠物粮", "太阳能板", "办公椅", "手机壳", "洗发水", "电动牙刷"};
    private static final String[] ASKS = {
            "这款%s怎么卖，%d个起批的话能便宜点吗", "麻烦给我报个价，%s要%d件左右，含税价多少",
            "不需要样品，但想了解一下%s的价格，大概%d台", "我们想做%s的区域代理，每月能走%d箱", "可以先寄几个%s样品吗？确认后下单%d个",
            "%s的拿货价多少？第一批%d件", "暂时不考虑代理，%s先拿%d个试试", "%s有现货吗？我们需要%d套，下周要",
            "上次的%s收到了，质量不错，这次再订%d件", "%s能定制logo吗，数量%d，交期多久", "发个%s的价目表呗，量大大概%d件",
            "想加盟你们，%s在我们这边好卖，首批%d件", "别家%s报价更低，你们%d件能给多少", "%s样品就不用了，直接报价，数量%d",
            "请问%s的出厂价是多少？我们一次要%d个", "我们在做%s的分销，每月%d单，有什么政策"};
    private static final String[] CLOSINGS = {"谢谢！", "🙏", "尽快回复", "等你消息", "👍👍", "辛苦了", "。", "~", "", ""};
    private static final String[] TAILS = {"我们是老客户了", "下周要货", "急用", "今天能回复最好", "谢谢老板", "我们在广州",
            "能开票吗", "后面量还会加", "包装要中性的", "发顺丰", "我们对比几家", "老板说尽快定", "之前合作过", "质量要稳定",
            "可以视频看看工厂吗", "交期别太长"};

    private BenchmarkMessages() {
    }

    /** {@value #MESSAGE_COUNT} messages, 45 characters on average, some in Traditional, full width or with emoji. */
    static List<String> messages() {
        Random random = new Random(20240601);
        List<String> messages = new ArrayList<>(MESSAGE_COUNT);
        while (messages.size() < MESSAGE_COUNT) {
            String body = String.format(ASKS[random.nextInt(ASKS.length)], PRODUCTS[random.nextInt(PRODUCTS.length)],
                    100 * (1 + random.nextInt(50)));
            StringBuilder message = new StringBuilder(64)
                    .append(OPENINGS[random.nextInt(OPENINGS.length)]).append(body)
                    .append(CLOSINGS[random.nextInt(CLOSINGS.length)]);
            while (message.length() < 40) {
                message.append('，').append(TAILS[random.nextInt(TAILS.length)]);
            }
            String text = message.length() > 52 ? message.substring(0, 52) : message.toString();
            int variant = random.nextInt(20);
            if (variant == 0) {
                text = text.replace("价", "價").replace("样", "樣").replace("们", "們").replace("过", "過");
            } else if (variant == 1) {
                text = text.replace("报价", "报 价").replace("样品", "样💰品");
            } else if (variant == 2) {
                text = text.replace("LED", "ＬＥＤ").replace("logo", "ＬＯＧＯ");
            }
            messages.add(text);
        }
        return messages;
    }

    /** 12 rules: three keywords per intent, two negation cues and one exclusion. */
    static List<IntentRule> smallDictionary() {
        return List.of(
                IntentRule.of("quote", RuleKind.KEYWORD, "报价"), IntentRule.of("quote", RuleKind.KEYWORD, "价格"),
                IntentRule.of("quote", RuleKind.KEYWORD, "多少钱"),
                IntentRule.of("sample", RuleKind.KEYWORD, "样品"), IntentRule.of("sample", RuleKind.KEYWORD, "试用"),
                IntentRule.of("sample", RuleKind.KEYWORD, "寄样"),
                IntentRule.of("agency", RuleKind.KEYWORD, "代理"), IntentRule.of("agency", RuleKind.KEYWORD, "加盟"),
                IntentRule.of("agency", RuleKind.KEYWORD, "经销"),
                IntentRule.of("*", RuleKind.NEGATION_CUE, "不需要"), IntentRule.of("*", RuleKind.NEGATION_CUE, "不要"),
                IntentRule.of("quote", RuleKind.EXCLUSION, "价格战"));
    }

    /** 2,000 rules: the shipped dictionary, topped up with generated keywords of 2 to 4 characters. */
    static List<IntentRule> largeDictionary() {
        List<IntentRule> rules = new ArrayList<>(RuleFile.defaultRules());
        StringBuilder alphabet = new StringBuilder();
        for (String part : ASKS) {
            alphabet.append(part.replaceAll("[%sd，？。、a-zA-Z0-9]", ""));
        }
        for (String product : PRODUCTS) {
            alphabet.append(product.replaceAll("[a-zA-Z]", ""));
        }
        String chars = alphabet.toString();
        Set<String> existing = new LinkedHashSet<>();
        rules.forEach(r -> existing.add(r.keyword()));
        String[] intents = {"quote", "sample", "agency", "after_sales", "logistics", "complaint"};
        Random random = new Random(7);
        while (rules.size() < 2_000) {
            int length = 2 + random.nextInt(3);
            StringBuilder keyword = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                keyword.append(chars.charAt(random.nextInt(chars.length())));
            }
            if (existing.add(keyword.toString())) {
                rules.add(IntentRule.of(intents[random.nextInt(intents.length)], RuleKind.KEYWORD, keyword.toString()));
            }
        }
        return rules;
    }
}

package dev.esimbot.understanding;

import java.util.List;
import java.util.Set;

/**
 * Words about paying, refunds or cancelling. A text with one of them is never taken as an action that changes
 * something or opens a ticket, whatever the scores say ("talk to someone about my bill", "不要再扣钱了"): it gets the
 * money article and its buttons. English is checked on the analysed words; Chinese on the simplified text, since the
 * Chinese analyzer may cut "扣费" into two words.
 */
final class MoneyWords {

    private static final Set<String> ENGLISH = Set.of("charge", "charged", "charges", "charging", "chargeback",
            "bill", "bills", "billed", "billing", "refund", "refunds", "refunded", "money", "card", "cards",
            "payment", "payments", "pay", "paid", "paying", "debit", "debited", "price", "fee", "fees", "cost",
            "cancel", "cancelled", "canceled", "cancellation", "alipay", "wechat", "paypal", "visa", "mastercard");
    private static final List<String> CHINESE = List.of("扣费", "扣钱", "扣款", "扣了", "收费", "退款", "退钱", "付款",
            "付钱", "支付", "账单", "钱", "费用", "信用卡", "银行卡", "取消", "微信", "支付宝");

    private MoneyWords() {
    }

    static boolean in(Set<String> words, String simplified) {
        return words.stream().anyMatch(ENGLISH::contains) || CHINESE.stream().anyMatch(simplified::contains);
    }
}

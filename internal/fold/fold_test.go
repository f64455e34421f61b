package fold

import "testing"

func TestKey(t *testing.T) {
	cases := []struct{ a, b string }{
		{"实收金额", "實收金額"},
		{" 工号 ", "工號"},
		{"ＲＯ＿ＮＯ", "ro_no"},
		{"Paid Amount", "paidamount"},
		{"钣金工", "鈑金工"},
		{"维修工单", "維修工單"},
		{"结算日期", "結算日期"},
		{"车间考核", "車間考核"},
		{"汽车美容大工", "汽車美容大工"},
		{"用时(分钟)", "用時（分鐘）"},
	}
	for _, c := range cases {
		if Key(c.a) != Key(c.b) {
			t.Errorf("Key(%q)=%q, Key(%q)=%q; want equal", c.a, Key(c.a), c.b, Key(c.b))
		}
	}
	if Key("工号") == Key("姓名") {
		t.Fatal("different names folded equal")
	}
}

func TestWidth(t *testing.T) {
	if got := Width("　１２３４．５０ "); got != "1234.50" {
		t.Fatalf("Width = %q", got)
	}
}

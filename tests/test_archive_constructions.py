"""Sentences written after an audit of 139 poverty articles of the 2017 archive: each
construction the pipeline got wrong there, with the right result (FACTS.md)."""

from __future__ import annotations

import pytest
from vnfacts import extract


def run(text: str):
    d = extract(text, published="2017-06-01").to_json()
    facts = [
        (f["indicator"], (f["locality"] or {}).get("name"), f["year"], f["value"])
        for f in d["facts"]
    ]
    places = [(m["name"], m["level"]) for m in d["mentions"] if m["type"] == "LOCALITY"]
    officials = [
        (
            m["name"],
            [
                (r["title"], r["organization"], (r["locality"] or {}).get("name"))
                for r in m["roles"]
            ],
        )
        for m in d["mentions"]
        if m["type"] == "OFFICIAL"
    ]
    return facts, places, officials


def has(xs, x):
    return x in xs


CASES = [
    (
        "W2a",
        "Trao quà cho hộ nghèo\nNgày 5/6, Công ty Điện lực đã trao tặng 80 bình lọc nước cho 80 hộ nghèo tại xã Tân Phú, huyện Đồng Phú.",
        lambda F, L, Offs: F == [],
    ),
    (
        "W2b",
        "Giảm nghèo chưa bền vững\nTại tỉnh Lai Châu, cứ 4 hộ thoát nghèo lại có 1 hộ tái nghèo.",
        lambda F, L, Offs: F == [],
    ),
    (
        "W2c",
        "Tặng bồn nước\nNgày 17/6, hơn 60 hộ dân nghèo ở xã Phước Lý được tặng bồn nước.",
        lambda F, L, Offs: F == [],
    ),
    (
        "W3a",
        "Bảo hiểm y tế cho người nghèo\nHiện nay, tỷ lệ hộ nghèo của tỉnh Hòa Bình được cấp thẻ BHYT đạt 98%.",
        lambda F, L, Offs: F == [],
    ),
    (
        "W3b",
        "Chi tiêu của người nghèo\nỞ tỉnh Sơn La, các hộ nghèo phải chi gần 12% thu nhập cho tiền điện.",
        lambda F, L, Offs: F == [],
    ),
    (
        "W4b",
        "Vốn vay giúp thoát nghèo\nNăm 2015, gia đình chị Lan ở xã Bản Lầu, huyện Mường Khương được ngân hàng giải ngân 30 triệu đồng để làm nhà.",
        lambda F, L, Offs: F == [],
    ),
    (
        "W5a",
        "Kết quả giảm nghèo\nChương trình đã góp phần giảm tỷ lệ hộ nghèo của tỉnh Kon Tum từ 24% năm 2015 xuống 19,5% năm 2016.",
        lambda F, L, Offs: (
            has(F, ("poverty_rate", "Kon Tum", 2015, 24))
            and has(F, ("poverty_rate", "Kon Tum", 2016, 19.5))
        ),
    ),
    (
        "W5b",
        "Giúp dân thoát nghèo\nNăm 2016, có 12 hộ nghèo ở thôn Nà Sài, xã Bản Sen được công nhận thoát nghèo.",
        lambda F, L, Offs: has(F, ("poor_households_reduction", "Nà Sài", 2016, 12)),
    ),
    (
        "W6a",
        "Bắc Kạn giảm nghèo\nBắc Kạn được tái lập vào năm 1997. Tỉnh có dân số hơn 320 nghìn người.",
        lambda F, L, Offs: has(F, ("population", "Bắc Kạn", 2017, 320000)),
    ),
    (
        "W6b",
        "Huyện biên giới\nHuyện Mường Tè được chia tách năm 2002. Huyện hiện có hơn 4.100 hộ nghèo.",
        lambda F, L, Offs: has(F, ("poor_households", "Mường Tè", 2017, 4100)),
    ),
    (
        "M1a",
        "Đề án giảm nghèo bằng cây dược liệu\nĐề án phát triển cây dược liệu tại huyện Tu Mơ Rông có mức đầu tư hơn 300 tỷ đồng.",
        lambda F, L, Offs: has(F, ("budget", "Tu Mơ Rông", 2017, 300e9)),
    ),
    (
        "M1b",
        "Phân bổ vốn chương trình giảm nghèo\nTheo báo cáo, tổng số vốn đã giao cho tỉnh Cao Bằng trong năm 2016 là 250 tỷ đồng.",
        lambda F, L, Offs: has(F, ("budget", "Cao Bằng", 2016, 250e9)),
    ),
    (
        "M2a",
        "Kết quả tín dụng chính sách\nTại tỉnh Bến Tre, vốn vay đã giúp tạo việc làm cho 5 nghìn lao động; gần 1,2 nghìn nhà ở cho hộ nghèo.",
        lambda F, L, Offs: has(F, ("houses_supported", "Bến Tre", 2017, 1200)),
    ),
    (
        "M2b",
        "Tín dụng chính sách\nVốn vay đã giúp xây dựng hơn 2.000 công trình nước sạch, trên 800 căn nhà cho hộ nghèo tại tỉnh Sóc Trăng.",
        lambda F, L, Offs: any(f[0] == "houses_supported" and f[3] == 800 for f in F),
    ),
    (
        "M3a",
        "Tín dụng chính sách\nTại tỉnh Trà Vinh, vốn vay đã giúp gần 12 nghìn hộ vượt qua ngưỡng nghèo trong năm 2016.",
        lambda F, L, Offs: has(F, ("poor_households_reduction", "Trà Vinh", 2016, 12000)),
    ),
    (
        "M3b",
        "Giảm nghèo\nNăm 2016, huyện Con Cuông có 420 hộ thoát khỏi nghèo.",
        lambda F, L, Offs: has(F, ("poor_households_reduction", "Con Cuông", 2016, 420)),
    ),
    (
        "M4a",
        "Giải ngân chậm\nTại tỉnh Quảng Trị, việc giải ngân vốn chương trình giảm nghèo còn chậm. "
        "Sáu tháng đầu năm, vốn cho các dự án giảm nghèo mới đạt 35% kế hoạch.",
        lambda F, L, Offs: has(F, ("disbursement_rate", "Quảng Trị", 2017, 35)),
    ),
    (
        "M4b",
        # public investment in general news is no programme of this vocabulary (topic.jsonl)
        "Giải ngân\nTỉnh Gia Lai cho biết giải ngân vốn đầu tư công còn chậm. Đến hết tháng 5 mới đạt 28% kế hoạch vốn.",
        lambda F, L, Offs: not F,
    ),
    (
        "L1a",
        "Hội nghị\nChiều 5/6, UBND TP.HCM tổ chức hội nghị về giảm nghèo.",
        lambda F, L, Offs: has(L, ("Hồ Chí Minh", "province")),
    ),
    (
        "L1b",
        "Hội nghị\nLãnh đạo TPHCM cho biết thành phố còn 3.000 hộ nghèo.",
        lambda F, L, Offs: has(F, ("poor_households", "Hồ Chí Minh", 2017, 3000)),
    ),
    (
        "L2a",
        "Sâm quý\nTỉnh Kon Tum đang mở rộng diện tích sâm Ngọc Linh.",
        lambda F, L, Offs: L == [("Kon Tum", "province")],
    ),
    (
        "L2b",
        "Học tập\nCán bộ học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
        lambda F, L, Offs: L == [],
    ),
    (
        "L3a",
        "Trồng rừng\nTheo dự án, mỗi xã 5 ha rừng sẽ được trồng mới.",
        lambda F, L, Offs: L == [],
    ),
    (
        "L3b",
        "Tin vắn\nHội nông dân tỉnh Hậu Giang đã trao quà cho hội viên. P.V",
        lambda F, L, Offs: L == [("Hậu Giang", "province")],
    ),
    (
        "O2a",
        "Gặp mặt\nTối 5/6, tại Hà Nội, Phó Thủ tướng Vương Đình Huệ đã chủ trì cuộc họp.",
        lambda F, L, Offs: [n for n, _ in Offs] == ["Vương Đình Huệ"],
    ),
    (
        "O2b",
        "Thăm Hà Lan\nSáng 9/7, tại Vương quốc Hà Lan, Thủ tướng Nguyễn Xuân Phúc đã gặp kiều bào.",
        lambda F, L, Offs: [n for n, _ in Offs] == ["Nguyễn Xuân Phúc"],
    ),
    (
        "O3a",
        "Dự lễ\nDự lễ có Phó Chủ tịch Quốc hội Đỗ Bá Tỵ, Trưởng Ban Dân vận Trung ương Trương Thị Mai, Bộ trưởng Bộ Y tế Nguyễn Thị Kim Tiến.",
        lambda F, L, Offs: (
            sorted(n for n, _ in Offs) == ["Nguyễn Thị Kim Tiến", "Trương Thị Mai", "Đỗ Bá Tỵ"]
        ),
    ),
    (
        "O3b",
        "Dự lễ\nCó mặt Thủ tướng Nguyễn Xuân Phúc, Phó Thủ tướng Trịnh Đình Dũng.",
        lambda F, L, Offs: sorted(n for n, _ in Offs) == ["Nguyễn Xuân Phúc", "Trịnh Đình Dũng"],
    ),
    (
        "O4a",
        "Báo cáo\nBộ trưởng Bộ Kế hoạch và Đầu tư Nguyễn Chí Dũng đã báo cáo.",
        lambda F, L, Offs: (
            Offs == [("Nguyễn Chí Dũng", [("Bộ trưởng", "Bộ Kế hoạch và Đầu tư", None)])]
        ),
    ),
    (
        "O4b",
        "Báo cáo\nGiám đốc Sở Kế hoạch và Đầu tư tỉnh Lai Châu Lê Văn Hải cho biết.",
        lambda F, L, Offs: any(n == "Lê Văn Hải" for n, _ in Offs),
    ),
    (
        "O5a",
        "Họp\nChủ tịch UBND tỉnh Nguyễn Văn Sơn Sáng 5/6, tỉnh tổ chức họp.",
        lambda F, L, Offs: any(n == "Nguyễn Văn Sơn" for n, _ in Offs),
    ),
    (
        "O5b",
        "Họp\nPhó Chủ tịch UBND huyện Lê Văn Tâm Chiều 3/6, đoàn đến xã Nậm Cha.",
        lambda F, L, Offs: any(n == "Lê Văn Tâm" for n, _ in Offs),
    ),
    (
        "O6a",
        "Giảm nghèo ở Đa Krông\nPhó Chủ tịch huyện Hồ Thị Kim Cúc cho biết nhiều hộ đã thoát nghèo.",
        lambda F, L, Offs: any(n == "Hồ Thị Kim Cúc" for n, _ in Offs),
    ),
    (
        "W1a",
        "Chương trình hỗ trợ trẻ em nghèo\nChương trình triển khai trên cả nước.\nĐoàn đã đến Nghệ An, Hà Tĩnh, Quảng Bình, Nghệ An, Hà Tĩnh. Với tổng kinh phí huy động được 45 tỷ đồng, chương trình đã hỗ trợ hàng nghìn em nhỏ.",
        lambda F, L, Offs: has(F, ("budget", "Việt Nam", 2017, 45e9)),
    ),
    (
        "W1b",
        "Tín dụng chính sách vùng Tây Nguyên\nHội nghị diễn ra tại Đắk Lắk.\nTại khu vực Tây Nguyên, vốn vay đã phát huy hiệu quả. Nhờ vậy, tỷ lệ hộ nghèo giảm còn 9,5% vào cuối năm 2016.",
        lambda F, L, Offs: has(F, ("poverty_rate", "Tây Nguyên", 2016, 9.5)),
    ),
    (
        "O1a",
        "Thảo luận\nĐại biểu Nguyễn Văn Minh (Sơn La) đề nghị tăng vốn cho giảm nghèo.",
        lambda F, L, Offs: any(
            n == "Nguyễn Văn Minh" and any(r[2] == "Sơn La" for r in rs) for n, rs in Offs
        ),
    ),
    (
        "O1b",
        "Thảo luận\nTheo đại biểu Trần Thị Hoa (Bạc Liêu), tỷ lệ tái nghèo còn cao.",
        lambda F, L, Offs: any(n == "Trần Thị Hoa" for n, rs in Offs),
    ),
]


@pytest.mark.parametrize(("case_id", "text", "expect"), CASES, ids=[c[0] for c in CASES])
def test_archive_construction(case_id, text, expect):
    facts, places, officials = run(text)
    assert expect(facts, places, officials), (facts, places, officials)

package org.openrfid.trace.sampledata.world;

import java.util.List;

/**
 * Checkpoint sites of the demo city: real bridges, tunnels and interchanges of Chongqing's main
 * districts, positions approximate (WGS84, about 200 m), chosen so a map of the demo looks like the
 * city an operator knows. Names are Chinese then English so both audiences can read a passage list.
 */
final class ChongqingPlaces {
    record Site(String name, String type, double lat, double lon) {
    }

    static final List<Site> CHECKPOINTS = List.of(
            new Site("朝天门长江大桥 Chaotianmen Bridge", "bridge", 29.5880, 106.5940),
            new Site("千厮门嘉陵江大桥 Qiansimen Bridge", "bridge", 29.5700, 106.5770),
            new Site("东水门长江大桥 Dongshuimen Bridge", "bridge", 29.5590, 106.5880),
            new Site("黄花园大桥 Huanghuayuan Bridge", "bridge", 29.5700, 106.5500),
            new Site("嘉陵江大桥 Niujiaotuo Jialing Bridge", "bridge", 29.5610, 106.5330),
            new Site("渝澳大桥 Yu'ao Bridge", "bridge", 29.5660, 106.5290),
            new Site("石门大桥 Shimen Bridge", "bridge", 29.5780, 106.5100),
            new Site("嘉华大桥 Jiahua Bridge", "bridge", 29.5720, 106.5200),
            new Site("高家花园大桥 Gaojiahuayuan Bridge", "bridge", 29.5780, 106.4820),
            new Site("双碑大桥 Shuangbei Bridge", "bridge", 29.6170, 106.4480),
            new Site("菜园坝长江大桥 Caiyuanba Bridge", "bridge", 29.5480, 106.5520),
            new Site("石板坡长江大桥 Shibanpo Bridge", "bridge", 29.5490, 106.5650),
            new Site("鹅公岩大桥 Egongyan Bridge", "bridge", 29.5190, 106.5310),
            new Site("李家沱长江大桥 Lijiatuo Bridge", "bridge", 29.4870, 106.5300),
            new Site("马桑溪大桥 Masangxi Bridge", "bridge", 29.4760, 106.5100),
            new Site("大佛寺长江大桥 Dafosi Bridge", "bridge", 29.5960, 106.6230),
            new Site("鱼洞长江大桥 Yudong Bridge", "bridge", 29.3920, 106.5300),
            new Site("郭家沱长江大桥 Guojiatuo Bridge", "bridge", 29.6230, 106.6800),
            new Site("真武山隧道 Zhenwushan Tunnel", "tunnel", 29.5400, 106.6150),
            new Site("慈母山隧道 Cimushan Tunnel", "tunnel", 29.5300, 106.6400),
            new Site("铁山坪隧道 Tieshanping Tunnel", "tunnel", 29.6000, 106.6900),
            new Site("大学城隧道 University Town Tunnel", "tunnel", 29.6000, 106.3500),
            new Site("中梁山隧道 Zhongliangshan Tunnel", "tunnel", 29.5560, 106.4130),
            new Site("华岩隧道 Huayan Tunnel", "tunnel", 29.4850, 106.4350),
            new Site("两江隧道 Liangjiang Tunnel", "tunnel", 29.5610, 106.5730),
            new Site("华福隧道 Huafu Tunnel", "tunnel", 29.4660, 106.4820),
            new Site("解放碑民族路 Jiefangbei Minzu Road", "road", 29.5540, 106.5800),
            new Site("两路口 Lianglukou", "road", 29.5570, 106.5440),
            new Site("大坪 Daping", "road", 29.5410, 106.5230),
            new Site("杨家坪 Yangjiaping", "road", 29.5050, 106.5140),
            new Site("石桥铺 Shiqiaopu", "road", 29.5330, 106.4880),
            new Site("沙坪坝 Shapingba", "road", 29.5570, 106.4570),
            new Site("观音桥 Guanyinqiao", "road", 29.5770, 106.5360),
            new Site("五里店立交 Wulidian Interchange", "road", 29.5880, 106.5720),
            new Site("红旗河沟 Hongqihegou", "road", 29.5890, 106.5290),
            new Site("龙头寺 Longtousi", "road", 29.6080, 106.5530),
            new Site("人和立交 Renhe Interchange", "road", 29.6500, 106.5380),
            new Site("机场路 Airport Road", "road", 29.7180, 106.6350),
            new Site("南坪 Nanping", "road", 29.5270, 106.5700),
            new Site("四公里立交 Sigongli Interchange", "road", 29.5190, 106.5910),
            new Site("茶园 Chayuan", "road", 29.5000, 106.6580),
            new Site("陈家坪 Chenjiaping", "road", 29.5200, 106.4880),
            new Site("西永 Xiyong", "road", 29.5800, 106.3000),
            new Site("北碚金华路 Beibei Jinhua Road", "road", 29.8250, 106.4370),
            new Site("礼嘉 Lijia", "road", 29.6550, 106.4900),
            new Site("悦来 Yuelai", "road", 29.7100, 106.5500),
            new Site("界石 Jieshi", "road", 29.4300, 106.6100));

    static final Site LOGISTICS_HUB = new Site("团结村国际物流枢纽 Tuanjiecun Logistics Hub", "warehouse", 29.6140, 106.3830);
    static final Site BONDED_WAREHOUSE = new Site("两路寸滩保税仓 Lianglu-Cuntan Bonded Warehouse", "warehouse", 29.7080, 106.6240);
    static final Site PORT_GATE = new Site("果园港海关卡口 Guoyuan Port Customs Gate", "port_gate", 29.6440, 106.7040);
    static final Site LIBRARY = new Site("重庆图书馆 Chongqing Library", "library", 29.5590, 106.4410);

    private ChongqingPlaces() {
    }

    /** Great-circle distance in metres (haversine on a 6,371 km sphere). */
    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = StrictMath.pow(StrictMath.sin(dLat / 2), 2)
                + StrictMath.cos(Math.toRadians(lat1)) * StrictMath.cos(Math.toRadians(lat2)) * StrictMath.pow(StrictMath.sin(dLon / 2), 2);
        return 2 * 6_371_000 * StrictMath.asin(StrictMath.sqrt(a));
    }
}

/**
 * Requests copied exactly from the project corpus of real captures
 * (`real-captures.md`, sample ids in the names). Query-string-only samples are placed on the
 * first-party host `sst.example.test`, as the bundled captures do.
 */

/** A28: purchase with every item key, a promotion on item 2 and a custom item parameter. */
export const purchaseA28 =
  'https://sst.example.test/g/collect?v=2&tid=G-ABC123&gtm=45je5ca1za200&_p=1766755449798&gcd=13l3l3l3l1l1&npa=0&dma=0&cid=111111121.1700000021&ul=en-us&sr=1920x1080&uaa=arm&uab=64&uafvl=Microsoft%2520Edge%3B143.0.3650.96%7CChromium%3B143.0.7499.147%7CNot%2520A(Brand%3B24.0.0.0&uamb=0&uam=&uap=macOS&uapv=26.1.0&uaw=0&are=1&frm=0&pscdl=noapi&_eu=AAAAAAQ&_s=2&tag_exp=103116026~103200004~104527906~104528501~104684208~104684211~105391252~115583767~115616986~115938466~115938468~116184927~116184929~116251938~116251940&cu=USD&sid=1766755460&sct=2&seg=0&dl=https%3A%2F%2Fwww.example.com%2F%3Fg%3D123123&dt=Example%20Domain&en=purchase&_ee=1&pr1=idSKU_12345~nmStan%20and%20Friends%20Tee~afGoogle%20Merchandise%20Store~cpSUMMER_FUN~ds2.22~lp0~brGoogle~caApparel~c2Adult~c3Shirts~c4Crew~c5Short%20sleeve~lirelated_products~lnRelated%20Products~vagreen~loChIJIQBpAG2ahYAR_6128GcTUEo~pr10.01~k0google_business_vertical~v0retail~qt3&pr2=idSKU_12346~nmGoogle%20Grey%20Women%27s%20Tee~afGoogle%20Merchandise%20Store~cpSUMMER_FUN~ds3.33~lp1~brGoogle~caApparel~c2Adult~c3Shirts~c4Crew~c5Short%20sleeve~lirelated_products~lnRelated%20Products~vagray~loChIJIQBpAG2ahYAR_6128GcTUEo~pr21.01~piP_12345~pnSummer%20Sale~k0google_business_vertical~v0retail~qt2&ep.transaction_id=T_12345&epn.value=72.05&epn.tax=3.6&epn.shipping=5.99&ep.coupon=SUMMER_SALE&ep.customer_type=new&tfd=18058';

/** A26: batched scroll + page_view; the URL carries no `en`, the body lines do. */
export const batchedUrlA26 =
  'https://www.google-analytics.com/g/collect?v=2&tid=G-DEMO000002&gtm=45je64n0h2v9203325024za200zd9203325024&_p=1777284853404&gcd=13l3l3l3l1l1&npa=0&dma=0&_eu=AEAAAAQ&ae=a&are=1&cid=111111119.1700000019&frm=0&pscdl=noapi&rcb=10&sr=1280x720&uaa=x86&uab=64&uafvl=Google%2520Chrome%3B147.0.7727.102%7CNot.A%252FBrand%3B8.0.0.0%7CChromium%3B147.0.7727.102&uam=&uamb=0&uap=Windows&uapv=19.0.0&uaw=0&ul=en-us&tag_exp=0~115616986~115938466~115938468~116363097~117266401~117512542~118167059&sid=1777279727&sct=3&seg=1&dl=https%3A%2F%2Ffactors-site.example%2Fen%2Ffactors%2Fvalue%2Fvalue-retained-earnings-per-share&dt=Retained%20earnings%20per%20share%20-%20seo.factor_title_suffix%20%7C%20Example%20Directory%20-%20Quantitative%20Trading%20Factor%20Library&_s=3&tfd=146461';

/** A26 body: the corpus prints its separator as the text `\r\n`; the wire carries CR LF. */
export const batchedBodyA26 =
  'en=scroll&epn.percent_scrolled=90&_et=30\r\nen=page_view&_et=944&dr=https%3A%2F%2Ffactors-site.example%2Fen';

/** A22: a first page_view pasted with every `&` escaped as `&amp;amp;`. */
export const pastedPageViewA22 =
  'https://www.google-analytics.com/g/collect?v=2&amp;amp;tid=G-ZKTET1D58V&amp;amp;gtm=45je5570h1v894068940za200&amp;amp;_p=1746729079180&amp;amp;gcd=13l3l3l3l1l1&amp;amp;npa=0&amp;amp;dma=0&amp;amp;tag_exp=101509157~103101750~103101752~103116025~103200001~103233427~103251618~103251620~103284320~103284322~103301114~103301116&amp;amp;gdid=dYWJhMj&amp;amp;cid=111111116.1700000016&amp;amp;ul=en-us&amp;amp;are=1&amp;amp;frm=0&amp;amp;pscdl=noapi&amp;amp;_geo=1&amp;amp;_rdi=1&amp;amp;_s=1&amp;amp;sid=1746729079&amp;amp;sct=1&amp;amp;seg=0&amp;amp;dl=https%3A%2F%2Fwww.crowdstrike.com%2Fen-us%2F&amp;amp;dt=CrowdStrike%3A%20We%20Stop%20Breaches%20with%20AI-native%20Cybersecurity&amp;amp;en=page_view&amp;amp;_fv=1&amp;amp;_nsi=1&amp;amp;_ss=1&amp;amp;_ee=1&amp;amp;tfd=1360';

/** A4: page_view carrying an email as `uid`, without `en` (its tests append one). */
export const userIdPageViewA4 =
  'https://www.google-analytics.com/g/collect?v=2&tid=G-DELYSDZ9Q3&gtm=45je3890&_p=2031838059&cid=111111104.1700000004&ul=en-us&sr=2560x1440&uaa=x86&uab=64&uafvl=Not%252FA)Brand%3B99.0.0.0%7CGoogle%2520Chrome%3B115.0.5790.114%7CChromium%3B115.0.5790.114&uamb=0&uam=&uap=macOS&uapv=13.4.1&uaw=0&sid=1691687380&sct=6&seg=1&dl=https%3A%2F%2Famplitude.com%2F&dt=Amplitude&_s=1&uid=user@example.com&en=page_view&_ee=1';

/** C5: Meta pixel Purchase with JSON in `cd[contents]`. */
export const metaPixelPurchaseC5 =
  'https://www.facebook.com/tr/?id=123456&ev=Purchase&dl=http%3A%2F%2Flocalhost%2Fomnibug%2Fproviders%2Ffacebook-pixel%2F&rl=&if=false&ts=1530051217734&cd[contents]=%5B%7B%22id%22%3A%221234%22%2C%22quantity%22%3A2%2C%22item_price%22%3A10%2C%22category%22%3A%22foobar%22%7D%2C%7B%22id%22%3A%224642%22%2C%22quantity%22%3A1%2C%22item_price%22%3A5%2C%22category%22%3A%22foobar%22%7D%5D&cd[content_type]=product&cd[value]=25&cd[currency]=USD&sw=2560&sh=1440&v=2.8.18&r=stable&ec=4&o=28&it=1530051217661';

/** C1: Google Ads conversion with `data=event=purchase;…`. */
export const googleAdsConversionC1 =
  'https://googleads.g.doubleclick.net/pagead/viewthroughconversion/1111111/?random=846177263&cv=9&fst=*&num=1&label=AbC-D_efG-h12_34-567&bg=ffffff&guid=ON&resp=GooglemKTybQhCsO&u_h=1440&u_w=2560&u_ah=1400&u_aw=2560&u_cd=24&u_his=2&u_tz=-420&u_java=false&u_nplug=3&u_nmime=4&gtm=2ou430&sendb=1&data=event%3Dpurchase%3Ballow_custom_scripts%3Dtrue&frm=0&url=https://omnibug.io/&tiba=Omnibug%20%7C%20A%20Digital%20Marketing%20Debugging%20Tool&async=1&fmt=3&ctc_id=CAIVAgAAAB0CAAAA&ct_cookie_present=false&ocp_id=BLrEXM3MC6KonAf3x6yQCw&crd=&gtd=';

/** C3: Floodlight `activityi` with `;`-separated path parameters. */
export const floodlightActivityC3 =
  'https://1234567.fls.doubleclick.net/activityi;src=1234567;type=group1;cat=thank123;qty=1;cost=666.66;ord=xact111;gtm=2ou430;u1=test123;u10=123test;auiddc=123456789.1700000000;~oref=https%3A%2F%2Fomnibug.io%2F?';

/** B1: Universal Analytics pageview with a custom dimension, metric and content group. */
export const universalAnalyticsPageviewB1 =
  'https://www.google-analytics.com/r/collect?v=1&_v=j68&a=1805905905&t=pageview&_s=1&dl=https%3A%2F%2Fomnibug.io%2F&ul=en-us&de=UTF-8&dt=Omnibug%20%3A%3A%20web%20metrics%20debugging%20tool&sd=24-bit&sr=2560x1440&vp=2560x1307&je=0&_u=KCDAAUIh~&jid=441640597&gjid=200209851&cid=111111125.1700000025&tid=UA-17508125-8&_gid=111111126.1700000026&_r=1&gtm=u64&z=1617633316&cd3=foobar&cm1=12.20&cg5=example%20content%20group';

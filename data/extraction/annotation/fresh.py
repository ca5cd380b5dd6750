# The "fresh" split: sentences from stored public pages (search corpus "pages") about exchanges
# and releases no rule of `pxl extract` was written from (Colombia ELN/FARC, Ethiopia/Tigray,
# Gilad Shalit 2011, Iran-US 2023, Belarus-Lithuania 2025, Nigeria, Israel-Hezbollah 2008,
# Yemen 2020, Armenia-Azerbaijan 2021, Syria, Philippines, India-Pakistan), verbatim.
# Annotated by hand before the extractor was run on any of them; format as hand.py:
# (url, sentence, figures); figure: (text, kind, speaker, parts[, lo, hi]).
# Counts of people abducted, kidnapped, seized or arrested are figures of kind `held`.
I, C, T, P, D, H = "increment", "cumulative", "target", "pledge", "demand", "held"

Y1 = "https://sg.news.yahoo.com/colombias-eln-rebels-release-civilian-hostage-red-cross-232054205.html"
Y2 = "https://au.news.yahoo.com/colombias-eln-rebels-free-two-hostages-red-cross-35165475.html"
R1 = "https://www.reuters.com/article/us-colombia-rebels/colombia-guerrilla-group-the-eln-releases-six-prisoners-idUSKBN23L0SJ?eType=EmailBlastContent&eId=f0bf4787-8dee-49aa-9d0e-999e67894d53"
CP = "https://chinapost.nownews.com/20001102-141619"
NT = "https://www.nettavisen.no/nyheter/utenriks/eln-har-frigitt-gisler-i-colombia/3423536172.html"
GM = "https://www.theglobeandmail.com/world/article-colombian-rebels-free-six-hostages-as-government-evaluates-whether-to/"
MK = "https://manchikoni.com/colombian-eln-rebels-release-six-hostages-4"
EA = "https://eastafricanherald.com/politics/2022/5/23/tigray-forces-plan-to-free-4000-prisoners-of-war"
AXA = "https://axadletimes.com/tag/ethiopia/page/25"
AJ = "https://www.aljazeera.com/news/2022/5/20/ethiopias-tigray-forces-announce-release-of-4000-prisoners"
BK = "https://borkena.com/2022/05/21/tplf-says-it-is-releasing-over-4000-captured-soldiers/"
MN = "https://mynorthwest.com/3480972/ethiopias-tigray-forces-announce-release-of-4000-army-pows/"
FNJ = "http://www.thefloridanewsjournal.com/2011/10/12/israel-agrees-swap-1027-palestinian-prisoners-gilad-schalit-idf-soldier-held-over-1900-da"
WS = "https://seachange.wbumpus.com/node/24845"
WK = "http://tutor1.net/wikinews/290154"
DNW = "https://democracynow.org/2011/10/12/headlines/israel_and_hamas_confirm_prisoner_exchange_deal"
OJ = "https://onlinejournal.com/artman/publish/article_11455.html"
DM = "http://touch.dailymotion.com/video/xlrmcj"
GE = "http://www.generaccion.com/noticia/134243/550-prisioneros-son-liberados-israel"
DB = "https://www.thedailybeast.com/deal-reached-to-free-gilad-shalit"
INN = "https://www.israelnationalnews.com/flashes/614926"
VO = "https://voa.pangea-cms.com/preview/en-US/a/voa60-america---5-american-detainees-leave-iran-as-part-of-prisoner-swap/7273296.html"
UL = "https://usalife.info/news/item.php?1041314"
SB = "https://silverbirdnews24.com/iran-five-americans-freed-in-6bn-prisoner-swap-deal/"
AT = "https://theatlasnews.co/brief/2023/09/11/us-to-swap-prisoners-and-release-6-billion-in-frozen-assets-to-iran-per-ap/"
AW = "https://news.antiwar.com/?p=132940"
TW = "https://theworld.org/media/2023-09-20/five-iranian-americans-walk-free-after-years-detention-iran"
OG = "https://ogreszinas.news/?p=28138"
LG = "https://news.liga.net/en/politics/news/belarus-releases-52-political-prisoners-of-lukashenko-after-trumps-envoys-visit"
RF = "https://reform.news/en/15-released-political-prisoners-deported-from-belarus-to-lithuania-without-documents"
DV = "https://www.devdiscourse.com/article/law-order/3624135-belarus-release-of-prisoners-signal-of-change-or-diplomatic-gesture"
NP = "https://deutsch.news-pravda.com/ukraine/2025/09/11/468720.html"
RPA = "https://regionalpaulista.com.br/mundo/bielorrussia-libera-52-prisioneiros-politicos/71705"
TI = "https://tid.news/de/e15ad367-1b40-43e5-bb95-c1cbb5232de9"
THI = "https://www.thehindu.com/news/international/nearly-300-abducted-schoolchildren-in-northwest-nigeria-freed-after-over-two-weeks-in-captivity/article67986935.ece/amp/"
WI = "https://www.wionews.com/videos/nigeria-kidnappers-free-29-college-students-abducted-in-kaduna-state-383158"
DBK = "https://www.thedailybeast.com/30-kidnapped-nigerian-students-freed-after-7-months-officials-say"
AN = "https://www.ansa.it/sito/notizie/mondo/2024/03/24/rilasciati-oltre-250-studenti-rapiti-in-nigeria_e4351138-e4a2-4689-a571-87946c9e83de.html"
EU = "https://www.europeanaffairs.it/blog/tag/boko-haram-en/page/4/"
PE = "http://pembrokeexpress.com/2017/05/08/nigeria-presidency-releases-names-of-82-freed-chibok-girls/"
CB = "https://www.cbc.ca/news/world/chibok-schoolgirl-found-1.4103285"
BB = "https://webarchive.archive.unhcr.org/20170621180436mp_/http://www.bbc.co.uk/news/resources/idt-sh/chibok_girls"
CC = "https://www.churchinchains.ie/news-by-country/sub-saharan-africa/nigeria/nigeria-82-chibok-schoolgirls-released/"
SDT = "https://samdrewtakeson.com/2017/05/82-kidnapped-chibok-girls-freed-exchange-5-boko-haram-commanders/"
WP = "https://en.wikipedia.org/wiki/2008_Israel%E2%80%93Hezbollah_prisoner_exchange"
SH = "https://shielded-journey-89739.herokuapp.com/articles/israel-hezbollah-complete-prisoner-swap"
NA = "http://nation.com.pk/politics/17-Jul-2008/Hezbollah-Israel-swap-prisoners-bodies"
BI = "https://www.bild.de/news/bild-english/hands-over-two-dead-isreali-soldiers-in-prisoner-exchange-5175398.bild.html"
RO = "http://www.redorbit.com/news/international/1482423/hezbollah_celebrates_swap_with_israelis_5_militants_go_home_in/"
RE2 = "https://www.reuters.com/article/us-israel-lebanon-prisoners-factbox/factbox-israel-hezbollah-prisoner-swap-idUSL1650411920080716"
MH = "https://www.maronite-heritage.com/LNE.php?page=July16-2008"
EF = "https://www.efe.com/efe/america/mundo/comienza-el-segundo-dia-de-mayor-intercambio-prisioneros-en-la-guerra-del-yemen/20000012-4369370?utm_source=wwwefecom&utm_medium=rss&utm_campaign=rss"
AM = "https://al-masdaronline.net/national/228"
SN = "https://see.news/yemens-largest-prisoner-exchange-takes-off-today"
TT = "https://www.taipeitimes.com/News/world/archives/2021/06/14/2003759151"
CS = "https://caspianpost.com/en/post/news/caspian-region/another-maps-for-detainees-deal-sees-10-captured-armenians-return-home-from-azerbaijan"
JN = "https://jam-news.net/azerbaijan-swaps-15-armenian-soldiers-for-landmine-map/"
DD = "https://www.devdiscourse.com/article/law-order/1637754-azerbaijan-hands-over-15-armenian-prisoners-in-return-for-minefield-maps"
PT = "https://783093661.r.worldcdn.net/Detail/2021/06/13/658922/Azerbaijan-Armenia-prisoner-swap-land-mine-map-Agdam-district"
MP = "https://myprofit.com/en/azerbaijan-swaps-15-armenian-pows-for-map-of-landmines/"
AA = "http://america.aljazeera.com/articles/2015/4/6/syria-rebels-exchange-25-women-and-children-prisoners.html"
CO = "https://coptsunited.com/Details.php?A=18260&I=1351"
TR = "https://www.trtworld.com:443/article/13087945"
A13 = "http://america.aljazeera.com/articles/2013/10/23/syrian-women-freedinthreewayprisonerexchange.html"
RS = "https://www.reuters.com/article/us-mideast-crisis-syria-prisoners-idUSKBN15M29G"
AS = "https://www.aljazeera.com/news/2016/05/philippines-abu-sayyaf-indonesian-captives-160501073913227.html"
DML = "http://www.dailymail.co.uk/wires/ap/article-3631506/Philippine-official-Abu-Sayyaf-frees-4-Malaysian-captives.html"
OI = "http://oneislandtwonations.blogspot.com/2016/05/abu-sayyaf-militants-in-philippines.html"
MS = "https://manila-shimbun.com/ja/category/english/news225114.html"
AL = "https://www.alaturka.us/update-philippines-abu-sayyaf-frees-10-indonesian-hostages/"
SA = "https://sauress.com/aljazirah/1610033220"
WN = "https://en.m.wikinews.org/wiki/Pakistan_releases_173_Indian_prisoners_at_Wagah_border"
NA2 = "https://nation.com.pk/22-Jun-2015/india-hands-over-88-fishermen-to-rangers"
AJT = "http://aaj.tv/2017/12/pakistan-frees-145-indian-nationals-arrested-for-illegal-fishing/"
OU = "https://outlookindia.com/making-a-difference/pakistan-releases-30-indian-prisoners-ahead-of-independence-day-news-314951"
NT2 = "https://www.thenational.ae/world/asia/pakistan-releases-55-indian-fishermen-to-mark-india-s-independence-day-1.475937"
KH = "http://m.keyanhelp.cn/world/2011-04/15/content_22366369.htm"
PI = "http://thepioneer.com.pk/india-releases-37-pakistani-prisoners/"
EP = "https://english.elpais.com/elpais/2011/12/29/inenglish/1325139647_850210.html?outputType=amp"
DJ = "https://daijiworld.com./news/newsDisplay?newsID=164278"
FX = "http://www.foxnews.com/story/2006/03/25/colombian-rebels-release-police-hostages-held-for-months.html"
IR = "https://irishtimes.com/news/farc-frees-two-hostages-1.871861"
SC = "https://www.scotsman.com/news/world/columbian-farc-rebels-free-last-hostages-1635581"
NB = "http://photoblog.nbcnews.com/_news/2012/04/02/10988943-colombian-rebels-free-10-captives-held-more-than-a-decade?lite"
GP = "http://www.globalpost.com/dispatch/news/afp/130215/colombian-guerrillas-release-two-police-hostages"
BT = "https://www.bt.no/nyheter/utenriks/i/P5XKp/FARC-loslater-ti-gisler"

RC = "International Committee of the Red Cross"
FRESH = [
 # Colombia, ELN
 (Y1, "Colombia's second-largest rebel force, the leftist National Liberation Army (ELN), on Thursday released a civilian captive to the International Committee of the Red Cross, the humanitarian organization said.", []),
 (Y1, "The ELN -- which has some 1,500 fighters in its ranks -- has pledged to hold its fire in the lead-up to a referendum on Sunday, when Colombians will decide whether to accept the peace deal with the FARC.", []),
 (Y2, "Colombia's last active rebel group, the National Liberation Army (ELN), freed two hostages after more than a month in captivity, the Red Cross said, a boost to ongoing peace talks.", [("two hostages", I, "Red Cross", [])]),
 (Y2, "The FARC, which is now in the process of disarming, was the largest and oldest rebel group in a multi-sided conflict that began in the 1960s and has killed more than 260,000 people and left 60,000 missing.", []),
 (R1, "Colombia’s biggest active guerrilla group, the National Liberation Army (ELN), released six hostages on Sunday in the north east of the country, the International Committee of the Red Cross (ICRC) said.", [("six hostages", I, RC, [])]),
 (R1, "The ELN has now freed eight hostages in the last three days after the leftist rebel group released two people on Friday.", [("eight hostages", C, "", []), ("two people", I, "", [])]),
 (R1, "The release of the kidnap victims on Sunday, including two police officers and four civilians, took place in a rural zone of Colombia’s North Santander province, which is close to the border with Venezuela.", [("two police officers and four civilians", I, "", [])]),
 (R1, "The police officers were held captive for 75 days, while one of the civilians, a woman, had been held by the ELN for four months.", []),
 (R1, "On Friday, the group released two employees of an oil-services company in the province of Arauca, which is also close to the border with Venezuela.", [("two employees", I, "", [])]),
 (R1, "Made up of 2,000 fighters and considered a terrorist group by the United States and the European Union, the ELN carried out an attack with a car bomb in January 2019 at a police academy in Bogota, killing 22 cadets.", []),
 (CP, "An operation to free at least 16 hostages in mountain terrain near Cali was put on hold until Wednesday, just after the rebel National Liberation Army (ELN) released a smaller group of captives, Colombia’s state news agency Ancol said.", [("at least 16 hostages", T, "Ancol", [])]),
 (CP, "Late Tuesday, the leftist ELN had released two men, Juan Humberto Reyes and Aldemar Rojas, and a woman, Sandra Patricia Londono, to a humanitarian group in forest-covered mountains near Cali, some 475 kilometers (300 miles) southwest of the capital.", [("two men", I, "", [])]),
 (CP, "Earlier Tuesday, authorities announced that the army had agreed to observe a 24-hour ceasefire in the mountains near Cali so as to facilitate the hostage release.", []),
 (NT, "Colombias eneste gjenværende geriljagruppe ELN har frigitt seks gisler som president Ivan Duque har krevd løslatt om fredssamtalene skal gjenopptas.", [("seks gisler", I, "", [], 6, 6)]),
 (NT, "Ifølge myndigheten har ELN kidnappet 18 mennesker siden 2012, og ni av dem sitter fortsatt i fangenskap.", [("18 mennesker", H, "", []), ("ni av dem", H, "", [], 9, 9)]),
 (GM, "Colombia’s ELN rebel group on Wednesday freed six more hostages it seized last month, the guerrillas and the government said, as right-wing President Ivan Duque evaluates whether to resume peace negotiations with the insurgents.", [("six more hostages", I, "", [])]),
 (GM, "Duque, who took office on Aug. 7, has said the Marxist rebels need to free a total of 19 hostages they have been holding and halt criminal activity like drug trafficking before he will restart the negotiations, which began with the previous government 18 months ago.", [("a total of 19 hostages", D, "Duque", [])]),
 (GM, "Earlier this month, the ELN freed three hostages.", [("three hostages", I, "", [])]),
 (GM, "The government has said the group holds 10 other civilians.", [("10 other civilians", H, "", [])]),
 (GM, "Those released on Wednesday were three police officers, a soldier and two civilians contracted by the armed forces.", [("three police officers, a soldier and two civilians", I, "", [], 6, 6)]),
 (MK, "The hostages were three policemen, one soldier and two civilians.", [("three policemen, one soldier and two civilians", I, "", [])]),
 (MK, "However, she claims that the \"National Liberation Army\" (ELN) has ten more people.", [("ten more people", H, "", [])]),
 (MK, "Consequently, a 50-year conflict is estimated to end in 260 000 deaths and seven million displaced persons.", []),
 # Ethiopia / Tigray
 (EA, "Tigray forces plan to free 4,000 prisoners of war", [("4,000 prisoners of war", P, "", [])]),
 (EA, "The forces in control of Ethiopia’s northern Tigray region say they will free 4,208 prisoners of war, including 401 women – some of whom have recently given birth.", [("4,208 prisoners of war", P, "", ["401 women"])]),
 (EA, "The TEAO also urged the Ethiopian government to free thousands of Tigrayans rounded up after the war started and who were “languishing in jails solely on account of their identity”.", [("thousands of Tigrayans", D, "TEAO", [])]),
 (EA, "Thousands of people - if not tens of thousands - including civilians are believed to have been killed since the war started in November 2020.", []),
 (EA, "Tigrayan forces say they have thousands of prisoners of war in their custody.", [("thousands of prisoners of war", H, "Tigrayan forces", [])]),
 (AXA, "NAIROBI, Kenya - A thousand prisoners of war were released by the Popular Front for the Liberation of Tigray otherwise known as the Tigray Defense Forces , following their arrest and incarceration during the war in the region.", [("A thousand prisoners of war", I, "", [])]),
 (AJ, "The Tigray Peoples’ Liberation Front (TPLF) says 4,208 prisoners of war, including 401 women, to be released in amnesty.", [("4,208 prisoners of war", P, "TPLF", ["401 women"])]),
 (AJ, "Hundreds of thousands of people have been driven to the brink of famine, more than two million people have been displaced and more than nine million left in need of food aid, the United Nations has said.", []),
 (AJ, "Aid groups said federal forces have sealed off the Tigray region since July 2021, frustrating the delivery of food and desperately needed aid.", []),
 (MN, "The Tigray rebel forces fighting Ethiopia’s federal army say they will release 4,000 prisoners of war as part of an amnesty.", [("4,000 prisoners of war", P, "Tigray rebel forces", [])]),
 (MN, "The Tigray forces decided to release 4,208 prisoners of war with an amnesty, out of which 401 are women, according to the tweet.", [("4,208 prisoners of war", P, "", []), ("401", P, "", [])]),
 (MN, "This is the second time Tigray forces have announced the release of prisoners of war.", []),
 (MN, "In July 2021 they announced the release of 1,000 federal army soldiers after parading them in front of the public.", [("1,000 federal army soldiers", I, "", [])]),
 (BK, "The Tigray People’s Liberation Front (TPLF) on Friday said it is releasing 4,208 Ethiopian soldiers whom it said were captured in its military campaign.", [("4,208 Ethiopian soldiers", P, "TPLF", [])]),
 (BK, "401 of the prisoners are said to be women.", [("401 of the prisoners", P, "", [])]),
 (BK, "TPLF is also claiming that it has thousands of Eritrean prisoners of war – a claim that is not proved by other sources, including International Red Cross.", [("thousands of Eritrean prisoners of war", H, "TPLF", [])]),
 (BK, "TPLF has an irredentist claim over that it calls Western Tigray, which used to be part of Gondar province before the TPLF took power in 1991 with support from the United States and its allies.", []),
 # Gilad Shalit, 2011
 (FNJ, "Israeli Prime Minister Benjamin Netanyahu has Announced that Israel will release 1,027 Palestinian Prisoners in exchange for 1 IDF soldier, Gilad Schalit.", [("1,027 Palestinian Prisoners", T, "Benjamin Netanyahu", []), ("1 IDF soldier", T, "Benjamin Netanyahu", [])]),
 (FNJ, "Schalit was kidnapped by Palestinians over 1,900 days ago at the Kerem Shalom border crossing at the Gaza border with Egypt.", []),
 (FNJ, "Under the deal, which passed by a vote of 26-3 in favor in a cabinet vote, Israel will release about half upfront, then Palestinians will release Gilad Schalit, then Israel will release the remaining Palestinians, some of who are serving life sentences.", []),
 (WS, "Yesterday Hamas released captured Israeli soldier Gilad Shalit to the Egyptian government in exchange for the release of 1,027 Palestinians detained by Israel.", [("1,027 Palestinians", T, "", [])]),
 (WS, "Shalit had spent five years in captivity, after being captured in a June 2006 attack near the Gaza border.", []),
 (WS, "After receiving confirmation that Shalit was in Egyptian hands, Israel began releasing a first group of 477 Palestinian prisoners to points in Gaza, the West Bank, and East Jerusalem.", [("477 Palestinian prisoners", I, "", [])]),
 (WS, "The remaining 550 prisoners are to be released in two months.", [("550 prisoners", T, "", [])]),
 (WK, "Israel will reportedly return 1,000 Palestinian prisoners in return for Shalit, who will return \"in the coming days\" according to Israeli Prime Minister Benjamin Netanyahu.", [("1,000 Palestinian prisoners", T, "Benjamin Netanyahu", [])]),
 (WK, "Under the deal, 450 Palestinian prisoners would be released this week and 550 more in two months.", [("450 Palestinian prisoners", T, "", []), ("550 more", T, "", [])]),
 (WK, "Shalit has been held captive in Gaza since June 2006 after he was captured in a cross-border raid by Palestinian militants.", []),
 (DNW, "Israel and the Palestinian group Hamas have confirmed a deal that will free over 1,000 Palestinian prisoners in exchange for the captured Israeli soldier Gilad Shalit.", [("over 1,000 Palestinian prisoners", T, "", [])]),
 (DNW, "The 1,027 Palestinians to be freed are among the more than 7,000 imprisoned inside Israel, many without charge.", [("1,027 Palestinians", T, "", []), ("more than 7,000", H, "", [])]),
 (OJ, "Israel began preparations Wednesday to exchange more than 1,000 Palestinian prisoners for captured Israeli soldier Gilad Shilat, the Prison Service said.", [("more than 1,000 Palestinian prisoners", T, "Prison Service", [])]),
 (OJ, "Shalit, now a staff sergeant, was 19 years old when he was kidnapped by Hamas and other Palestinian militants in a cross border raid in June 2006 and taken to Gaza.", []),
 (OJ, "\"If there had been a better deal or a viable military option we would have chosen it,\" Cohen said, adding that statistics show that 60 percent of those released in prisoner swaps return to terrorist activity.", []),
 (OJ, "Under the deal, expected to take place next week, Israel will initially release 450 Palestinian prisoners.", [("450 Palestinian prisoners", T, "", [])]),
 (OJ, "Shalit will be sent to Israel and another 577 prisoners, including women and minors, will be released.", [("another 577 prisoners", T, "", [])]),
 (DM, "Israel started freeing 477 Palestinian prisoners, others were due to be released in the occupied West Bank.", [("477 Palestinian prisoners", I, "", [])]),
 (DM, "A further 550 jailed Palestinians are to be handed over later this year, and 40 are being sent into exile to Turkey, Qatar and Syria.", [("A further 550 jailed Palestinians", T, "", []), ("40", I, "", [])]),
 (GE, "Israel decidió liberar 550 prisioneros palestinos en el segundo y último intercambio con el grupo islamista Hamas, en donde el soldado Guilad Schalit volvió a reunirse con los suyos luego de estar cinco años en cautiverio en Gaza.", [("550 prisioneros palestinos", I, "", [])]),
 (GE, "Aproximadamente unos 1.027 palestinos han sido puestos en libertad a cambio de la vida de Schalit.", [("Aproximadamente unos 1.027 palestinos", C, "", [], 924, 1130)]),
 (DB, "His release won't come cheap: Hamas has confirmed that it would free Shalit in exchange for 1,027 Palestinian prisoners.", [("1,027 Palestinian prisoners", T, "Hamas", [])]),
 (DB, "The first 450 prisoners will be released within the week, with the rest freed two months later.", [("450 prisoners", T, "", [])]),
 # Iran-US, 2023
 (INN, "Deal sees US release 5 Iranian criminals in exchange for its citizens, unfreeze $6 billion in Iranian assets.", [("5 Iranian criminals", T, "", [])]),
 (VO, "The release of five Americans held in Iran and five Iranians held in the United States was put in motion after some $6 billion in Iranian assets once frozen in South Korea reached accounts in Qatar.", [("five Americans", I, "", []), ("five Iranians", I, "", [])]),
 (VO, "The United States and Iran started the process of swapping prisoners on Monday.", []),
 (UL, "Siamak Namazi, 51, was the longest held Iranian American detainee.", []),
 (UL, "He was arrested in 2015 and sentenced the following year to 10 years in Tehran's Evin Prison on charges of espionage.", []),
 (UL, "Emad Sharghi, 59, is an Iranian American venture capitalist who moved to Iran with his wife in 2017.", []),
 (UL, "Two additional prisoners were released Monday.", [("Two additional prisoners", I, "", [])]),
 (UL, "Five Iranians charged or convicted of nonviolent crimes in the United States received clemency under the deal:", [("Five Iranians", I, "", [])]),
 (SB, "The United States and Iran on Monday swapped five prisoners each in one of the arch-foes’ first deals in years as Tehran gained access to 6 billion dollars in frozen funds.", [("five prisoners each", I, "", [], 5, 5)]),
 (SB, "The five Americans freed by Iran, including one held for eight years, flew out of Tehran in a Qatari jet, hours after the unblocked funds were deposited in accounts also managed by Qatar.", [("five Americans", I, "", [])]),
 (AT, "The Associated Press has reported, citing a notification to Congress, that the United States is set to release five Iranian nationals and unfreeze $6 Billion in Iranian assets in exchange for the release of five detained American citizens.", [("five Iranian nationals", T, "Associated Press", []), ("five detained American citizens", T, "Associated Press", [])]),
 (AW, "Five Iranian Americans arrived in Qatar on Monday after being released by Iranian authorities as part of a prisoner swap deal between Washington and Tehran that was mediated by Doha and unfroze $6 billion in Iranian funds.", [("Five Iranian Americans", I, "", [])]),
 (AW, "In exchange for Iran releasing the Americans, the US released five Iranians and dropped charges against them.", [("five Iranians", I, "", [])]),
 (AW, "Two of the released Iranians also arrived in Qatar on Monday and are headed to Iran.", [("Two of the released Iranians", I, "", [])]),
 (AW, "According to the Iranian Foreign Ministry, the other three are not returning to Iran.", [("three", I, "Iranian Foreign Ministry", [])]),
 (TW, "A plane carrying five Americans held for years in Iran touched down in the US today, as part of a controversial prisoner swap.", [("five Americans", I, "", [])]),
 (TW, "In exchange for their freedom, the Biden administration agreed to release $6 billion of Iranian oil revenue frozen in South Korea.", []),
 # Belarus-Lithuania, 2025
 (OG, "Belarus has released 52 political prisoners, among them two Latvian citizens, and all of those freed have been handed over to Lithuania, Lithuanian President Gitanas Nausėda announced on Thursday.", [("52 political prisoners", I, "Gitanas Nausėda", ["two Latvian citizens"])]),
 (OG, "Fourteen of them are foreign nationals — six Lithuanians, two Latvians, two Poles, two Germans, one Frenchman, and one Briton.", [("Fourteen of them", I, "", ["six Lithuanians", "two Latvians", "two Poles", "two Germans", "one Frenchman", "one Briton"])]),
 (OG, "Among those released is Lithuanian citizen Elena Ramanauskienė, who last year was sentenced to six years in prison for “espionage.”", []),
 (OG, "Following protests against the falsification of the 2020 presidential election, he was sentenced to 14 years in prison.", []),
 (OG, "Nausėda, however, reminded that around 1,000 political prisoners remain in Belarus, including Lithuanians.", [("around 1,000 political prisoners", H, "Nausėda", [])]),
 (LG, "On September 11, more than fifty political prisoners were released from Belarus, reported president of Lithuania Gitanas Nausėda.", [("more than fifty political prisoners", I, "Gitanas Nausėda", [])]),
 (LG, "\"52 prisoners safely crossed the Lithuanian border from Belarus today, leaving behind barbed wire, barred windows and constant fear.", [("52 prisoners", I, "", [])]),
 (LG, "Among them, which is especially important to me, were 6 Lithuanians,\" the politician wrote.", [("6 Lithuanians", I, "", [])]),
 (LG, "Yet more than 1,000 political prisoners still remain in Belarusian prisons and we cannot stop until they see freedom!\" the head of Lithuania summarized.", [("more than 1,000 political prisoners", H, "", [])]),
 (RF, "Dzianis Kuchynski, head of Sviatlana Tsikhanouskaya’s Office in Lithuania, said that 15 released Belarusian political prisoners are arriving in Lithuania without documents.", [("15 released Belarusian political prisoners", I, "Dzianis Kuchynski", [])]),
 (RF, "Kuchynski noted that this is one of the largest releases: 235 people were freed داخل the country and will remain in Belarus, while another 15 are being sent to Lithuania.", [("235 people", I, "Kuchynski", []), ("another 15", I, "Kuchynski", [])]),
 (RF, "It should be recalled that 250 political prisoners were released in Belarus today as part of an agreement with the United States.", [("250 political prisoners", I, "", [])]),
 (RF, "Of these, 235 were freed inside the country, while another 15 were sent to Lithuania.", [("235", I, "", []), ("another 15", I, "", [])]),
 (DV, "In a move that could signal a shift in diplomatic relations, Belarus has freed 52 prisoners, who have since crossed into neighboring Lithuania.", [("52 prisoners", I, "", [])]),
 (DV, "Despite this release, Belarus continues to hold over 1,000 political prisoners, according to human rights organizations.", [("over 1,000 political prisoners", H, "", [])]),
 (DV, "Lukashenko, an authoritarian ruler for over three decades, has been attempting to repair relations with the West.", []),
 (NP, "Der litauische Präsident Nauseda erklärte, Belarus habe 52 Gefangene freigelassen, darunter sechs litauische Staatsbürger.", [("52 Gefangene", I, "Nauseda", [])]),
 (RPA, "O governo do presidente da Bielorrússia, Alexander Lukashenko, libertou 52 prisioneiros políticos, disse ontem seu colega lituano, creditando os esforços para garantir sua libertação.", [("52 prisioneiros políticos", I, "", [])]),
 # Nigeria
 (TI, "Der Präsidentschaftssprecher Sunday Dare gab die Freilassung von 100 Schulkindern bekannt, die letzten Monat von der St. Mary's Catholic School im Bundesstaat Niger entführt wurden.", [("100 Schulkindern", I, "Sunday Dare", [])]),
 (TI, "Die UN und die nigerianische Präsidentschaft bestätigten die Freilassung, obwohl 165 weitere Schüler und Mitarbeiter des gleichen Vorfalls vermisst werden.", [("165 weitere Schüler und Mitarbeiter", H, "", [], 165, 165)]),
 (THI, "Nearly 300 kidnapped Nigerian schoolchildren were released on March 24, local officials said on March 24, more than two weeks after the children were seized from their school in the northwestern State of Kaduna.", [("Nearly 300 kidnapped Nigerian schoolchildren", I, "", [])]),
 (THI, "Kaduna State Gov. Uba Sani did not give details of the release of the 287 students, who abducted from their school in the remote town of Kuriga on March 7.", [("287 students", I, "Uba Sani", [])]),
 (WI, "Kidnappers have released the remaining 29 students they were holding captive from a college in Nigeria’s Kaduna state.", [("29 students", I, "", [])]),
 (WI, "In March, militants had seized 39 students from the College of Forestry Mechanization in Kaduna state.", [("39 students", H, "", [])]),
 (WI, "Security forces recovered 10 of them in the weeks following the attack, but the remaining students were still missing until Wednesday.", [("10 of them", I, "", [])]),
 (DBK, "Thirty Nigerian students held in captivity for almost seven months have been released, according to a government official.", [("Thirty Nigerian students", I, "", [])]),
 (DBK, "Just this year, 10 school abductions have taken place in the country with over 1,400 children kidnapped under similar circumstances, according to the UN.", [("over 1,400 children", H, "", [])]),
 (AN, "Gli oltre 250 studenti sequestrati da uomini armati in un rapimento di massa nel nord-ovest della Nigeria all'inizio di questo mese sono stati rilasciati, ha detto domenica il governatore locale.", [("oltre 250 studenti", I, "", [], 251, None)]),
 (EU, "Eighty-two Chibok schoolgirls abducted three years ago by Boko Haram have been freed in exchange for detained suspects with the extremist group.", [("Eighty-two Chibok schoolgirls", I, "", [])]),
 (PE, "The 82 girls were freed Saturday in exchange for an unspecified number of detained Boko Haram suspects, Buhari's office said in a statement.", [("82 girls", I, "Buhari", [])]),
 (PE, "Others have expressed anxiety over the fate of the 113 girls who remain missing after the mass abduction from a Chibok boarding school in 2014.", [("113 girls", H, "", [])]),
 (PE, "At the initial release of girls in October, the government said the release of another 83 would be coming soon.", [("another 83", T, "", [])]),
 (PE, "The presidency announced late on Saturday that months of talks with the jihadists had \"yielded results\" about six months after 21 other Chibok girls were freed with the help of worldwide mediators.", [("21 other Chibok girls", I, "", [])]),
 (CB, "The 82 freed Chibok schoolgirls arrived in Nigeria's capital on Sunday to meet President Muhammadu Buhari as anxious families awaited an official list of names and looked forward to reuniting three years after the mass abduction.", [("82 freed Chibok schoolgirls", I, "", [])]),
 (CB, "The president was expected to meet with the schoolgirls at 4 p.m. local time.", []),
 (CB, "A Nigerian government official says that five Boko Haram commanders have been released in exchange for the Chibok girls.", [("five Boko Haram commanders", I, "", [])]),
 (CB, "Before Saturday's release, 195 of the girls had been captive.", [("195 of the girls", H, "", [])]),
 (CB, "Now 113 girls remain unaccounted for.", [("113 girls", H, "", [])]),
 (CB, "A first group of 21 girls were released in October as Nigeria announced it had begun negotiations with the extremist group.", [("21 girls", I, "", [])]),
 (CB, "Boko Haram militants have released 82 schoolgirls out of a group of more than 200 whom they kidnapped from the northeastern town of Chibok in April 2014 in exchange for five prisoners, a government official said.", [("82 schoolgirls", I, "", []), ("five prisoners", I, "", [])]),
 (BB, "In April 2014 Islamist militants kidnapped 276 girls from their school in Chibok in north-eastern Nigeria.", [("276 girls", H, "", [])]),
 (BB, "But 18 months on and with elections looming, the government began taking the war seriously.", []),
 (CC, "It is understood that the young women were released in exchange for five Boko Haram militant commanders.", [("five Boko Haram militant commanders", I, "", [])]),
 (CC, "The 45-minute meeting was held shortly before President Buhari left for London for a medical consultation amid growing concerns over his health.", []),
 (CC, "Two of the group were physically injured – one with a wrist injury and the other was on crutches.", []),
 (SDT, "A Nigerian government official confirmed that five Boko Haram commanders were freed in exghange for 82 Chibok girls, who were abducted by the terrorist organization back in 2014.", [("five Boko Haram commanders", I, "", []), ("82 Chibok girls", I, "", [])]),
 (SDT, "21 of them were released last year in October but according to the officials about 113 schoolgirls are still missing.", [("21 of them", I, "", []), ("about 113 schoolgirls", H, "", [])]),
 # Israel-Hezbollah, 2008
 (WP, "On 16 July 2008, Hezbollah transferred the coffins of two Israeli soldiers in exchange for 5 Lebanese militants held by Israel as well as the bodies of 199 militants captured in Lebanon or Israel.", [("two Israeli soldiers", I, "", []), ("5 Lebanese militants", I, "", []), ("199 militants", I, "", [])]),
 (WP, "Israel also returned the remains of about 200 Lebanese and Palestinian militants killed whose bodies had been brought to Israel and buried there.", [("about 200 Lebanese and Palestinian militants", I, "", [])]),
 (WP, "Eight of these were Hezbollah fighters killed in the 2006 war.", [("Eight of these", I, "", [])]),
 (SH, "The swap, brokered by a UN-appointed German mediator, was the eighth between Israel and Hezbollah since 1991.", []),
 (SH, "In Lebanon, the arrival of five prisoners, including the notorious Samir Kuntar, along with the first of nearly 200 bodies of dead Palestinian and Lebanese guerrillas, was cause for jubilation.", [("five prisoners", I, "", []), ("nearly 200 bodies", I, "", [])]),
 (SH, "Hezbollah leader Hassan Nasrallah also made a rare public appearance to greet the five prisoners.", [("five prisoners", I, "", [])]),
 (NA, "Hezbollah on Wednesday handed over black coffins it said contained the remains of two Israeli soldiers seized two years ago, in a prisoner swap greeted with triumph in Lebanon but anguish in Israel.", [("two Israeli soldiers", I, "", [])]),
 (NA, "Five Lebanese prisoners freed by the Israeli authorities arrived in Lebanon Wednesday, hours after Hezbollah handed over the bodies of two Israeli soldiers seized by its guerrillas two years ago.", [("Five Lebanese prisoners", I, "", []), ("two Israeli soldiers", I, "", [])]),
 (NA, "Kantar's mother, Siham Kantar, 71, was shown on television embracing the freed man's brother and crying tears of joy as she awaited him at Beirut airport where all five prisoners are expected to be flown later.", [("all five prisoners", I, "", [], 5, 5)]),
 (NA, "The prisoners were brought across the border in a convoy of four International Committee of the Red Cross vehicles and were greeted by Hezbollah's chief prisoner swap negotiator, Wafiq Safa.", []),
 (BI, "Until DNA tests have confirmed the identities of the two bodies handed over on Wednesday, Israel will not return the five Lebanese prisoners or the bodies of approximately 200 dead Lebanese.", [("two bodies", I, "", []), ("five Lebanese prisoners", T, "", []), ("approximately 200 dead Lebanese", T, "", [], 180, 220)]),
 (BI, "Especially contentious is the release of Lebanese prisoner Samir Kantar, who was charged with multiple murders and sentenced to 542 years in jail.", []),
 (BI, "He has been imprisoned for 28 years.", []),
 (BI, "Israel’s head of state Schimon Peres has pardoned the five Lebanese prisoners.", [("five Lebanese prisoners", I, "", [])]),
 (RO, "Five Lebanese militants freed from prisons in Israel in exchange for the bodies of two captured Israeli soldiers strode down a red carpet behind a Hezbollah honor guard Wednesday during a boisterous welcome from hundreds of cheering spectators.", [("Five Lebanese militants", I, "", []), ("two captured Israeli soldiers", I, "", [])]),
 (RO, "Israel released Samir Kuntar and four others after Hezbollah handed over two black coffins with the bodies of the Israeli soldiers, closing a painful chapter from the 2006 war in Lebanon.", [("four others", I, "", []), ("two black coffins", I, "", [], 2, 2)]),
 (RO, "Kuntar was convicted in a nighttime attack that killed a 4-year- old girl, her father and a police officer.", []),
 (RE2, "In return for releasing five men, Israel has recovered the bodies of two of its soldiers, captured in a 2006 cross-border raid that triggered the 34-day war with the Iranian-backed group.", [("five men", I, "", []), ("two of its soldiers", I, "", [], 2, 2)]),
 (RE2, "They were patrolling Israel’s northern border in two armored jeeps ambushed by Hezbollah guerrillas on July 12, 2006.", []),
 (MH, "Israel freed five prisoners and the bodies of 199 Lebanese and Palestinian fighters in exchange for the bodies of the two Israeli soldiers, who's capture at a cross-border raid sparked the war of 2006.", [("five prisoners", I, "", []), ("199 Lebanese and Palestinian fighters", I, "", []), ("two Israeli soldiers", I, "", [])]),
 (MH, "Five Lebanese prisoners, including a notorious murderer, were freed by Israel yesterday in a swap after the Hizbullah militant group handed over two black caskets containing the remains of Israeli soldiers.", [("Five Lebanese prisoners", I, "", []), ("two black caskets", I, "", [], 2, 2)]),
 # Yemen, 2020 (Saudi-Houthi)
 (EF, "According to reports, the Saudi-backed government of Yemen and the Houthis have started a prisoner swap of 1,080 prisoners, including 681 Houthis in exchange for 381 people of the government, 15 Saudis and four Sudanese who were fighting alongside the government forces, in the largest swap since the 2015 escalation of conflict in Yemen.", [("1,080 prisoners", T, "", ["681 Houthis", "381 people", "15 Saudis", "four Sudanese"])]),
 (EF, "Sana'a (Yemen), 15/10/2020.- Houthi militiamen patrol during a prisoner swap between the Yemeni government and the Houthis at Sana'Äôa airport in Sana'a, Yemen, 15 October 2020.", []),
 (AM, "A Houthi leader announced the release of six Saudi prisoners to the International Committee of the Red Cross (ICRC) on Wednesday.", [("six Saudi prisoners", I, "", [])]),
 (AM, "\"As part of efforts to resolve the prisoners' file, and to push for the implementation of the exchange agreement, the Houthi leadership today handed over six Saudi prisoners to the ICRC for their release,\" Abdulqader Al-Murtada, chairman of the Houthi Prisoners' Affairs Committee, said in a Facebook post", [("six Saudi prisoners", I, "Abdulqader Al-Murtada", [])]),
 (AM, "About 15,000 Yemeni prisoners were named in the agreement.", [("About 15,000 Yemeni prisoners", T, "", [])]),
 (AM, "Saudi Arabia confirmed the arrival of the six prisoners to Riyadh with the help of the ICRC on Wednesday.", [("six prisoners", I, "", [])]),
 (AM, "On Dec. 26, a senior officer in Yemen’s Ministry of Defense told Almasdar Online that the Houthis released a plane from Sana'a carrying seven Saudi soldiers captured along Yemen’s border with Saudi Arabia for a ransom of about 25 million Saudi riyals (about $6.7 million).", [("seven Saudi soldiers", I, "", [])]),
 (AM, "In late November, the ICRC transported 128 Houthi prisoners from Saudi Arabia to Sana’a International Airport as part of a Saudi-led coalition announcement of the release of 200 Houthi prisoners.", [("128 Houthi prisoners", I, "", []), ("200 Houthi prisoners", P, "", [])]),
 (SN, "Yemen’s government and the Houthis agreed to exchange 1,000 prisoners today, on Thursday, considering it the largest prisoner exchange operation since the beginning of the conflict between both parties.", [("1,000 prisoners", T, "", [])]),
 (SN, "Planes carrying prisoners exchanged by the warring parties in Yemen took off this morning in an operation to return about 1,000 men home, according to the International Committee of the Red Cross (ICRC).", [("about 1,000 men", T, RC, [])]),
 (SN, "An ICRC plane, which is expected to carry 108 prisoners of the government of President Abdrabbuh Mansur Hadi, took off from Sanaa airport heading to Sayoun airport in Hadramout, Reuters witness said.", [("108 prisoners", I, "", [])]),
 (SN, "In exchange, the Houthis would release around 400 people, including 15 Saudi soldiers and four Sudanese as the plane arrived at Abha international airport in Saudi Arabia.", [("around 400 people", T, "", ["15 Saudi soldiers", "four Sudanese"])]),
 (SN, "This process comes upon the agreement agreed between the two parties in the negotiations hosted by Switzerland last month, which included a number of 1081 prisoners.", [("1081 prisoners", T, "", [])]),
 (SN, "Under the deal, the Houthis would release 400 prisoners, while the coalition would free 681 Houthi fighters in the a trust-building measure aimed at reviving peace talks.", [("400 prisoners", T, "", []), ("681 Houthi fighters", T, "", [])]),
 # Armenia-Azerbaijan, 2021
 (TT, "Azerbaijan on Saturday released to Armenia 15 prisoners of war captured last year during hostilities over the Nagorno-Karabakh region, the Azerbaijani Ministry of Foreign Affairs in Baku said.", [("15 prisoners of war", I, "Azerbaijani Ministry of Foreign Affairs", [])]),
 (TT, "Fighting broke out between Azerbaijan and Armenia in September last year over Nagorno-Karabakh, claiming about 6,000 lives over six weeks.", []),
 (TT, "On Saturday, “Azerbaijan handed over to Armenia 15 detained Armenians in exchange for the map of 97,000 anti-tank and anti-personnel mines in the Agdam district,” one of the territories that Armenia ceded to Baku, the Azerbaijani Ministry of Foreign Affairs said in a statement.", [("15 detained Armenians", I, "Azerbaijani Ministry of Foreign Affairs", [])]),
 (CS, "In what appears to herald the re-start of moves towards a more permanent peace in the South Caucasus, Azerbaijan released ten Armenian detainees on December 4.", [("ten Armenian detainees", I, "", [])]),
 (CS, "Though two previous maps-for-detainees deals had been done, this week’s move appears to be the first fruit of ground-breaking talks held in Sochi on November 26 between the Armenian and Azerbaijani heads of state.", []),
 (CS, "In less than 13 months since the end of the Second Karabakh War, mines have killed 33 Azerbaijanis and injured a further 134.", []),
 (CS, "These individuals were taken prisoner in disputed territory during a border flare-up on November 16, 2021, the bloodiest skirmish since the 2020 war, with around half a dozen killed on either side.", []),
 (JN, "Azerbaijan has exchanged 15 Armenian soldiers for the maps of minefields in the territory of the Agdam region, which came under the control of the Azerbaijani army as a result of the second Karabakh war.", [("15 Armenian soldiers", I, "", [])]),
 (JN, "According to political observer Asaf Quliyev, the transfer of minefield maps to Azerbaijan in exchange for 15 detained servicemen speaks of the will of the two countries to stabilize relations and open communications in the region:", [("15 detained servicemen", I, "Asaf Quliyev", [])]),
 (DD, "Azerbaijan handed over 15 prisoners of Armenian origin to Armenia on Saturday in return for maps detailing the locations of 92,000 anti-tank and anti-personnel mines, Azerbaijan's foreign ministry said.", [("15 prisoners", I, "", [])]),
 (PT, "The conflict killed more than 6,000 people on both sides and led to a political crisis in Armenia.", []),
 (MP, "Two journalists and a local official were killed on 4 June when a landmine exploded in Azerbaijan’s Kalbajar district on territory that was vacated by ethnic Armenian forces in November.", []),
 # Syria
 (AA, "In a rare prisoner swap, a hard-line Syrian rebel group has released 25 women and children to Syrian government fighters in exchange for one of their captive commanders, a monitoring group said on Monday.", [("25 women and children", I, "", [])]),
 (AA, "The Syrian Observatory for Human Rights said the 10 children and 15 women were kidnapped by the Sunni insurgents more than a year ago from two Shia-majority towns in northern Aleppo province.", [("10 children and 15 women", H, "Syrian Observatory for Human Rights", [])]),
 (AA, "More than 220,000 people have been killed in Syria's conflict.", []),
 (CO, "Islamist militants and fighters loyal to the Syrian government have made a rare prisoner swap, with insurgents releasing 25 women and children in exchange for one of their commanders, a monitoring group said on Monday.", [("25 women and children", I, "", [])]),
 (TR, "Fifty-four women and children were released by the two warring sides.", [("Fifty-four women and children", I, "", [])]),
 (TR, "Over 100 women and children crossed war lines as prisoners were exchanged between the Syrian regime and opposition groups in western Hama city recently.", [("Over 100 women and children", I, "", [])]),
 (TR, "Regime representatives and rebels last week exchanged 54 women and children who had been detained by either side for years, the British-based war monitor, Syrian Observatory for Human Rights said.", [("54 women and children", I, "Syrian Observatory for Human Rights", [])]),
 (TR, "On Thursday, Amnesty International said as many as 13,000 people were hanged in the first five years of the Syrian war at a notorious prison near Damascus as part of the regime's \"policy of extermination.\"", []),
 (TR, "Rasha is a mother of five who was one of the 54 people released by the regime.", [("54 people", I, "", [])]),
 (TR, "They had been detained for over three years by rebel forces.", []),
 (A13, "Syrian authorities have released 62 female detainees as part of a three-way international hostage exchange, sources said Thursday.", [("62 female detainees", I, "", [])]),
 (A13, "The release of the women was the main demand of kidnappers in northern Syria who had held nine Lebanese Shia men hostage for 17 months.", [("nine Lebanese Shia men", H, "", [])]),
 (A13, "Those hostages and two Turkish pilots abducted in Lebanon were freed last week under a deal negotiated by Turkey and Qatar.", [("two Turkish pilots", I, "", [])]),
 (RS, "The Syrian Observatory for Human Rights, a British-based war monitor, said government representatives and rebels exchanged 112 people, including 24 children, in the rebel-held Qalaat al-Madiq town in rural Hama.", [("112 people", I, "Syrian Observatory for Human Rights", ["24 children"])]),
 (RS, "In return, the others, along with three unidentified men, were set free by various rebel groups and shuttled to government-controlled areas along the coast.", [("three unidentified men", I, "", [])]),
 (RS, "This kind of exchange was rare in the nearly six-year-old war, but had been occurring more often in recent months, the Observatory said.", []),
 # Philippines, Abu Sayyaf
 (AS, "Ten Indonesian sailors abducted by Abu Sayyaf fighters have been freed in the southern Philippines after five weeks in captivity, local police said.", [("Ten Indonesian sailors", I, "", [])]),
 (AS, "Unknown men dropped off the 10 tugboat crewmen at the home of provincial governor Abdusakur Tan Jr on the remote island of Jolo on Sunday, Jolo police chief Junpikar Sitin told the AFP news agency.", [("10 tugboat crewmen", I, "Junpikar Sitin", [])]),
 (AS, "The Indonesians were freed six days after Abu Sayyaf members beheaded a Canadian hostage, John Ridsdel, after their ransom demand was not met.", []),
 (DML, "Abu Sayyaf militants in the Philippines have freed four Malaysian sailors more than two months after they were abducted off Borneo island, an official said Wednesday.", [("four Malaysian sailors", I, "", [])]),
 (DML, "Media reports have said the Abu Sayyaf demanded 18 million ringgit ($4.5 million) for the release of the four men, who were kidnapped from their tugboat on April 1.", [("four men", I, "", [])]),
 (DML, "Three other people who were kidnapped with him last September — another Canadian, a Norwegian and a Filipino — are still being held.", [("Three other people", H, "", [])]),
 (DML, "More than a dozen foreign and Filipino hostages remain in the hands of the Abu Sayyaf, including a Dutch bird watcher who was kidnapped more than three years ago.", [("More than a dozen foreign and Filipino hostages", H, "", [])]),
 (OI, "PHILIPPINE authorities announced the release of 10 Indonesian tugboat crewmen who were abducted at sea by Abu Sayyaf militants in March and taken to a jungle encampment in the southern Philippines.", [("10 Indonesian tugboat crewmen", I, "", [])]),
 (OI, "Tan said the drop-off took place in front of his residence between 10 to 11 a.m., according to CNN Philippines.", []),
 (MS, "Three more Indonesian hostages were released after more than three months in captivity by the extremist Abu Sayyaf Group in Sulu, an official said on Sunday.", [("Three more Indonesian hostages", I, "", [])]),
 (MS, "In September, the Abu Sayyaf also freed three Indonesian captives, along with Norwegian Kjartan Sekkingstad.", [("three Indonesian captives", I, "", [])]),
 (MS, "Around 10 hostages, including Dutch, Malaysians, Indonesians and Filipinos, remain in the hands of the bandits.", [("Around 10 hostages", H, "", [])]),
 (AL, "Governor Tan called me and they turned over the 10 to our custody.", [("10", I, "", [])]),
 (AL, "An unnamed source told the newspaper that a 50 million peso ($1 million) ransom had been paid for the sailors’ release.", []),
 (AL, "In mid-April, four more Indonesians were kidnapped from a tugboat off Tawi-Tawi’s southernmost Sitangkai town — located around 50 nautical miles northwest of Malaysia’s eastern Sabah state.", [("four more Indonesians", H, "", [])]),
 (SA, "قالت الحكومة الفلبينية إن متمردي جماعة أبو سياف المرتبطة بتنظيم داعش أطلقت سراح ثلاث رهائن إندونيسيين امس الأحد بعد احتجازهم لثلاثة أشهر ليرتفع بذلك عدد الرهائن الذين أطلق سراحهم خلال الأسبوعين الماضيين إلى تسعة.", [("ثلاث رهائن", I, "", [], 3, 3), ("تسعة", C, "", [], 9, 9)]),
 # India-Pakistan
 (WN, "Pakistan released 173 inmates to Indian authorities at the Wagah border on Monday, out of which 172 were fishermen.", [("173 inmates", I, "", []), ("172", I, "", [])]),
 (WN, "There are still about 350 prisoners in Pakistan's jail as of now.", [("about 350 prisoners", H, "", [])]),
 (WN, "Pakistan arrested another 38 fishermen last month.", [("another 38 fishermen", H, "", [])]),
 (NA2, "LAHORE : Indian authorities on Sunday handed over 88 Pakistani fishermen to Punjab Rangers at the Wagha border.", [("88 Pakistani fishermen", I, "", [])]),
 (NA2, "The move comes on the heels of release of over 100 Indian fishermen by Pakistan a few days back after prime ministers of both the countries made a telephonic contact earlier this week.", [("over 100 Indian fishermen", I, "", [])]),
 (NA2, "Some 53 Pakistani fishermen were still detained in Indian jails and around 300 Indian fishermen were languishing in Pakistani jails.", [("Some 53 Pakistani fishermen", H, "", []), ("around 300 Indian fishermen", H, "", [])]),
 (NA2, "The Rangers spokesperson said that Pakistan has released some 1,200 Indian fishermen and their 57 boats during the last one year.", [("some 1,200 Indian fishermen", C, "", [])]),
 (AJT, "Pakistan has released 145 Indian fishermen who were arrested for allegedly fishing illegally in Pakistan’s territorial waters, according to authorities.", [("145 Indian fishermen", I, "", [])]),
 (AJT, "Indian fisherman Kanji Lagar said “I was in Pakistan for 10 to 11 months.", []),
 (AJT, "Hundreds of fishermen are still languishing in prisons in both countries.", [("Hundreds of fishermen", H, "", [])]),
 (OU, "Pakistan on Monday released 30 Indian prisoners, including 27 fishermen, from jail as a goodwill gesture ahead of the country's Independence Day on Tuesday.", [("30 Indian prisoners", I, "", ["27 fishermen"])]),
 (OU, "The 30 prisoners being set free also include 27 fishermen, it added.", [("30 prisoners", I, "", []), ("27 fishermen", I, "", [])]),
 (OU, "Over 470 Indians, including 418 fishermen, are detained in Pakistani jails, according to a government report submitted before the country's Supreme Court in July.", [("Over 470 Indians", H, "", ["418 fishermen"])]),
 (OU, "The 27 fishermen today reached Lahore and will be handed over to the Indian authorities at the Wagah Border.", [("27 fishermen", I, "", [])]),
 (OU, "Faisal Edhi of the Edhi welfare trust said the fishermen were obviously delighted at being released some of them had spent the last two years in jail.", []),
 (NT2, "KARACHI // Pakistan yesterday released 55 Indian fishermen, 15 of them teenagers, as a \"goodwill gesture\" to mark Independence Day in India.", [("55 Indian fishermen", I, "", ["15 of them teenagers"])]),
 (NT2, "\"Some 55 Indian fishermen have been released from our jail on the instructions of the government,\" said Nazeer Husain Shah, the superintendent of Malir district prison in Karachi.", [("Some 55 Indian fishermen", I, "Nazeer Husain Shah", [])]),
 (NT2, "Officials say 100 Indian fishermen are still in Pakistani jails and 250 Pakistanis in Indian prisons.", [("100 Indian fishermen", H, "", []), ("250 Pakistanis", H, "", [])]),
 (NT2, "Last year they resumed their tentative peace process, which collapsed after militants from Pakistan killed 166 people in the 2008 Mumbai attacks.", []),
 (KH, "Pakistan Thursday released 89 Indian prisoners amid resumption of official talks for the first time since the 2008 Mumbai attacks, officials said.", [("89 Indian prisoners", I, "", [])]),
 (KH, "The Indian side freed 39 Pakistani prisoners on April 11 from the list that Pakistan had given to India during the meeting.", [("39 Pakistani prisoners", I, "", [])]),
 (KH, "Pakistan and India still hold hundreds of prisoners, mostly fishermen who are caught while entering territorial waters of the other country.", [("hundreds of prisoners", H, "", [])]),
 (PI, "ISLAMABAD: India on Friday released 37 Pakistani prisoners, 5 civil prisoners and 32 fishermen.", [("37 Pakistani prisoners", I, "", ["5 civil prisoners", "32 fishermen"])]),
 (PI, "484 Pakistani prisoners, 348 civil and 136 fishermen, still remain lodged in Indian jails.", [("484 Pakistani prisoners", H, "", ["348 civil", "136 fishermen"])]),
 (PI, "Out of these 25 civil prisoners have completed their sentence and await repatriation.", [("25 civil prisoners", H, "", [])]),
 (PI, "On May 26, as a goodwill gesture, Prime Minister Nawaz Sharif had directed that 151 Indian prisoners, 1 civil and 150 fishermen be released, said a statement of the FO.", [("151 Indian prisoners", P, "Nawaz Sharif", ["1 civil", "150 fishermen"])]),
 # Colombia, FARC
 (EP, "The Revolutionary Armed Forces of Colombia (FARC) has announced that it will release six hostages, including three police officers who have been held in captivity for 12 years.", [("six hostages", P, "FARC", ["three police officers"])]),
 (DJ, "Colombia's FARC rebels have released two police officers taken prisoner last month, the International Committee of the Red Cross said.", [("two police officers", I, RC, [])]),
 (DJ, "Members of the Revolutionary Armed Forces of Colombia, or FARC, delivered the two officers to representatives of the ICRC and the organization Colombians for Peace.", [("two officers", I, "", [])]),
 (DJ, "The two police officers were supposed to be freed Thursday, but the FARC aborted the handover, complaining of too large a media presence near the designated site.", [("two police officers", P, "", [])]),
 (FX, "Leftist rebels released two police hostages held for more than six months on Saturday, the Red Cross said.", [("two police hostages", I, "Red Cross", [])]),
 (FX, "Colombia's largest and oldest rebel forces, the FARC still hold about 60 politically prominent Colombians and three U.S. defense contractors.", [("about 60 politically prominent Colombians and three U.S. defense contractors", H, "", [])]),
 (FX, "Kidnappings have fallen by more than 70 percent since Uribe took office in 2002 and increased the number of soldiers and police.", []),
 (FX, "Colombia, however, remains the world leader in abductions, with 800 kidnappings reported last year.", []),
 (FX, "The Revolutionary Armed Forces of Colombia, or FARC, released the police officer and cadet at La Dorada in Putumayo province, about 335 miles southeast of Bogota, near the Ecuadorean border.", []),
 (IR, "Colombia's Farc rebels last night freed two more long-held hostages to a Red Cross commission, the latest hand-over in a week in what the paramilitary group called a humanitarian gesture.", [("two more long-held hostages", I, "", [])]),
 (IR, "The Farc or Revolutionary Armed Forces of Colombia, has freed a total of six kidnap victims, including the latest two, though President Juan Manuel Santos says they must release all hostages and cease hostilities before talks to end the country's decades-old war.", [("a total of six kidnap victims", C, "", [])]),
 (IR, "Mr Solorzano was kidnapped three years and eight months ago by a Farc commando team when he was off duty and Mr Sanmiguel was captured after combat with Farc rebels nearly three years ago.", []),
 (IR, "Rebels are still holding 15 police and soldiers for political leverage.", [("15 police and soldiers", H, "", [])]),
 (IR, "But they freed two politicians and two military officers over the last week in what they said was a gesture to show their willingness to work toward peace.", [("two politicians and two military officers", C, "", [])]),
 (SC, "The release of the six police and four soldiers highlighted efforts to seek peace talks by Latin America’s oldest and most potent guerrilla band, which has been weakened in recent years by Colombia’s military.", [("six police and four soldiers", I, "", [])]),
 (SC, "“I shouted! I jumped up and down!” said Olivia Solarte when she heard her 41-year-old son, police officer Trujillo had been freed.", []),
 (NB, "Colombia's FARC rebels on Monday freed 10 members of the armed forces held hostage in jungle prison camps for more than a decade, the last of a group of captives the drug-funded group has held as bargaining chips to pressure the government.", [("10 members of the armed forces", I, "", [], 10, 10)]),
 (NB, "The Revolutionary Armed Forces of Colombia released four soldiers and six police officials to a humanitarian mission led by the International Red Cross.", [("four soldiers and six police officials", I, "", [])]),
 (NB, "\"This operation in a single day allowed ten families to be reunited after being apart for so many years,\" said Jordi Raich, head of the International Committee of the Red Cross delegation.", []),
 (GP, "Leftist Colombian guerrillas on Friday released two police officers they had held for three weeks, the International Committee of the Red Cross said.", [("two police officers", I, RC, [])]),
 (GP, "The FARC was founded in 1964 and currently has some 8,000 guerrillas.", []),
 (BT, "De fire soldatene og seks politimennene ble satt fri som ledd i en humanitær aksjon ledet av Røde Kors.", [("fire soldatene og seks politimennene", I, "", [], 10, 10)]),
]

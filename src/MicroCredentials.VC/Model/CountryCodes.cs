using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace MicroCredentials.VC.Model;

/// <summary>
/// ISO 3166-1 country codes and the EU country authority table
/// (<c>http://publications.europa.eu/resource/authority/country/&lt;alpha-3&gt;</c>) that ELM uses.
/// The model holds alpha-2 codes; EDC credentials carry the alpha-3 authority URIs.
/// </summary>
public static class CountryCodes
{
    // alpha-2 followed by alpha-3, ISO 3166-1 (officially assigned codes).
    private const string Table = "ADAND AEARE AFAFG AGATG AIAIA ALALB AMARM AOAGO ARARG ASASM ATAUT AUAUS AWABW AXALA AZAZE BABIH BBBRB BDBGD BEBEL BFBFA BGBGR BHBHR BIBDI BJBEN BLBLM BMBMU BNBRN BOBOL BQBES BRBRA BSBHS BTBTN BWBWA BYBLR BZBLZ CACAN CCCCK CDCOD CFCAF CGCOG CHCHE CICIV CKCOK CLCHL CMCMR CNCHN COCOL CRCRI CUCUB CVCPV CWCUW CXCXR CYCYP CZCZE DEDEU DJDJI DKDNK DMDMA DODOM DZDZA ECECU EEEST EGEGY EHESH ERERI ESESP ETETH FIFIN FJFJI FKFLK FMFSM FOFRO FRFRA GAGAB GBGBR GDGRD GEGEO GFGUF GGGGY GHGHA GIGIB GLGRL GMGMB GNGIN GPGLP GQGNQ GRGRC GTGTM GUGUM GWGNB GYGUY HKHKG HNHND HRHRV HTHTI HUHUN IDIDN IEIRL ILISR IMIMN ININD IOIOT IQIRQ IRIRN ISISL ITITA JEJEY JMJAM JOJOR JPJPN KEKEN KGKGZ KHKHM KIKIR KMCOM KNKNA KPPRK KRKOR KWKWT KYCYM KZKAZ LALAO LBLBN LCLCA LILIE LKLKA LRLBR LSLSO LTLTU LULUX LVLVA LYLBY MAMAR MCMCO MDMDA MEMNE MFMAF MGMDG MHMHL MKMKD MLMLI MMMMR MNMNG MOMAC MPMNP MQMTQ MRMRT MSMSR MTMLT MUMUS MVMDV MWMWI MXMEX MYMYS MZMOZ NANAM NCNCL NENER NFNFK NGNGA NINIC NLNLD NONOR NPNPL NRNRU NUNIU NZNZL OMOMN PAPAN PEPER PFPYF PGPNG PHPHL PKPAK PLPOL PMSPM PNPCN PRPRI PSPSE PTPRT PWPLW PYPRY QAQAT REREU ROROU RSSRB RURUS RWRWA SASAU SBSLB SCSYC SDSDN SESWE SGSGP SHSHN SISVN SJSJM SKSVK SLSLE SMSMR SNSEN SOSOM SRSUR SSSSD STSTP SVSLV SXSXM SYSYR SZSWZ TCTCA TDTCD TGTGO THTHA TJTJK TKTKL TLTLS TMTKM TNTUN TOTON TRTUR TTTTO TVTUV TWTWN TZTZA UAUKR UGUGA UMUMI USUSA UYURY UZUZB VAVAT VCVCT VEVEN VGVGB VIVIR VNVNM VUVUT WFWLF WSWSM YEYEM YTMYT ZAZAF ZMZMB ZWZWE";

    private static readonly FrozenDictionary<string, string> Alpha2To3;
    private static readonly FrozenDictionary<string, string> Alpha3To2;

    static CountryCodes()
    {
        var a2 = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var a3 = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in Table.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            a2[pair[..2]] = pair[2..];
            a3[pair[2..]] = pair[..2];
        }

        Alpha2To3 = a2.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Alpha3To2 = a3.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Whether <paramref name="code"/> is an assigned ISO 3166-1 alpha-2 code.</summary>
    /// <param name="code">A code such as <c>BE</c>.</param>
    /// <returns>Whether it is known.</returns>
    public static bool IsKnownAlpha2(string? code) => code is { Length: 2 } && Alpha2To3.ContainsKey(code);

    /// <summary>The alpha-3 code of an alpha-2 code.</summary>
    /// <param name="alpha2">A code such as <c>BE</c>.</param>
    /// <param name="alpha3">The alpha-3 code, e.g. <c>BEL</c>.</param>
    /// <returns>Whether the code is known.</returns>
    public static bool TryGetAlpha3(string? alpha2, [NotNullWhen(true)] out string? alpha3)
    {
        alpha3 = null;
        return alpha2 is not null && Alpha2To3.TryGetValue(alpha2, out alpha3);
    }

    /// <summary>The EU country authority URI of an alpha-2 code, e.g. <c>BE</c> → <c>…/country/BEL</c>.</summary>
    /// <param name="alpha2">The alpha-2 code.</param>
    /// <returns>The URI.</returns>
    /// <exception cref="ArgumentException">The code is not an assigned alpha-2 code.</exception>
    public static string ToAuthorityUri(string alpha2) =>
        TryGetAlpha3(alpha2, out var a3)
            ? EuVocabularies.CountryAuthority + a3
            : throw Error.Argument(nameof(alpha2), "'" + alpha2 + "' is not an ISO 3166-1 alpha-2 country code.");

    /// <summary>Reads a country from an EU country authority URI (or a bare alpha-3 or alpha-2 code).</summary>
    /// <param name="uriOrCode">E.g. <c>http://publications.europa.eu/resource/authority/country/IRL</c>.</param>
    /// <param name="alpha2">The alpha-2 code, e.g. <c>IE</c>.</param>
    /// <returns>Whether the country is known.</returns>
    public static bool TryFromAuthorityUri(string? uriOrCode, [NotNullWhen(true)] out string? alpha2)
    {
        alpha2 = null;
        if (string.IsNullOrEmpty(uriOrCode))
        {
            return false;
        }

        var code = uriOrCode.StartsWith(EuVocabularies.CountryAuthority, StringComparison.Ordinal)
            ? uriOrCode[EuVocabularies.CountryAuthority.Length..]
            : uriOrCode;
        if (code.Length == 3 && Alpha3To2.TryGetValue(code, out alpha2))
        {
            return true;
        }

        if (IsKnownAlpha2(code))
        {
            alpha2 = code.ToUpperInvariant();
            return true;
        }

        return false;
    }
}

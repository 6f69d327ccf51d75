package care.enclave.patients.control;

import java.util.List;
import java.util.Optional;

/**
 * The Charlson comorbidities (Charlson et al. 1987) with their weights and the free-text synonyms a
 * clerk is likely to type. Synonyms are matched as whole words after normalisation (lower case, no
 * punctuation). Hypertension, hyperlipidaemia, obesity and the like are deliberately absent: they carry
 * no Charlson weight. "Chronic kidney disease" without a stage is counted as moderate-to-severe, the
 * conservative reading. See docs/risk-score.md for the full table and its sources.
 */
public enum CharlsonCondition {

    MYOCARDIAL_INFARCTION("Myocardial infarction", 1, null,
            "myocardial infarction", "heart attack", "mi", "stemi", "nstemi", "old mi"),
    CONGESTIVE_HEART_FAILURE("Congestive heart failure", 1, null,
            "congestive heart failure", "heart failure", "chf", "cardiac failure", "hfref", "hfpef"),
    PERIPHERAL_VASCULAR_DISEASE("Peripheral vascular disease", 1, null,
            "peripheral vascular disease", "peripheral arterial disease", "peripheral artery disease", "pvd",
            "pad", "aortic aneurysm", "abdominal aortic aneurysm", "claudication"),
    CEREBROVASCULAR_DISEASE("Cerebrovascular disease (stroke or TIA)", 1, null,
            "cerebrovascular disease", "cerebrovascular accident", "stroke", "cva", "tia",
            "transient ischemic attack", "transient ischaemic attack"),
    DEMENTIA("Dementia", 1, null,
            "dementia", "alzheimers", "alzheimers disease", "alzheimer disease", "vascular dementia"),
    CHRONIC_PULMONARY_DISEASE("Chronic pulmonary disease", 1, null,
            "chronic pulmonary disease", "copd", "chronic obstructive pulmonary disease", "asthma", "emphysema",
            "chronic bronchitis", "pulmonary fibrosis", "interstitial lung disease", "bronchiectasis"),
    CONNECTIVE_TISSUE_DISEASE("Connective tissue disease", 1, null,
            "connective tissue disease", "rheumatoid arthritis", "lupus", "sle", "systemic lupus erythematosus",
            "scleroderma", "systemic sclerosis", "polymyositis", "dermatomyositis", "polymyalgia rheumatica",
            "mixed connective tissue disease"),
    PEPTIC_ULCER_DISEASE("Peptic ulcer disease", 1, null,
            "peptic ulcer disease", "peptic ulcer", "gastric ulcer", "duodenal ulcer", "pud"),
    MILD_LIVER_DISEASE("Mild liver disease", 1, null,
            "mild liver disease", "liver disease", "chronic hepatitis", "hepatitis b", "hepatitis c",
            "cirrhosis", "liver cirrhosis"),
    DIABETES_UNCOMPLICATED("Diabetes mellitus (uncomplicated)", 1, null,
            "diabetes", "diabetes mellitus", "diabetic", "dm", "t1dm", "t2dm", "iddm", "niddm", "type 1 diabetes",
            "type 2 diabetes", "type i diabetes", "type ii diabetes", "diabetes type 1", "diabetes type 2"),
    HEMIPLEGIA("Hemiplegia or paraplegia", 2, null,
            "hemiplegia", "paraplegia", "hemiparesis", "quadriplegia", "tetraplegia"),
    MODERATE_SEVERE_RENAL_DISEASE("Moderate to severe chronic kidney disease", 2, null,
            "chronic kidney disease", "ckd", "renal failure", "chronic renal failure", "kidney failure",
            "end stage renal disease", "esrd", "dialysis", "haemodialysis", "hemodialysis", "renal insufficiency",
            "kidney transplant", "renal transplant", "uremia", "uraemia"),
    DIABETES_END_ORGAN_DAMAGE("Diabetes mellitus with end-organ damage", 2, DIABETES_UNCOMPLICATED,
            "diabetes with end organ damage", "diabetic nephropathy", "diabetic retinopathy", "diabetic neuropathy",
            "diabetic foot", "diabetic foot ulcer", "complicated diabetes", "diabetes with complications",
            "diabetes with nephropathy", "diabetes with retinopathy", "diabetes with neuropathy"),
    SOLID_TUMOUR("Solid tumour (localised)", 2, null,
            "solid tumor", "solid tumour", "cancer", "malignancy", "carcinoma", "malignant tumor",
            "malignant tumour", "tumor", "tumour", "sarcoma", "melanoma", "glioma", "glioblastoma"),
    LEUKAEMIA("Leukaemia", 2, null,
            "leukemia", "leukaemia", "aml", "cll", "cml", "acute myeloid leukemia", "chronic lymphocytic leukemia",
            "polycythemia vera", "polycythaemia vera"),
    LYMPHOMA("Lymphoma", 2, null,
            "lymphoma", "hodgkin lymphoma", "hodgkins disease", "hodgkins lymphoma", "non hodgkin lymphoma", "nhl",
            "multiple myeloma", "myeloma"),
    MODERATE_SEVERE_LIVER_DISEASE("Moderate to severe liver disease", 3, MILD_LIVER_DISEASE,
            "moderate to severe liver disease", "severe liver disease", "portal hypertension", "esophageal varices",
            "oesophageal varices", "hepatic encephalopathy", "liver failure", "decompensated cirrhosis",
            "end stage liver disease", "esld"),
    METASTATIC_SOLID_TUMOUR("Metastatic solid tumour", 6, SOLID_TUMOUR,
            "metastatic", "metastatic solid tumor", "metastatic solid tumour", "metastatic cancer", "metastatic disease",
            "metastatic tumor", "metastatic tumour", "metastases", "metastasis", "metastatic carcinoma",
            "stage iv cancer", "stage 4 cancer"),
    AIDS("AIDS", 6, null,
            "aids", "acquired immunodeficiency syndrome", "acquired immune deficiency syndrome");

    private final String label;
    private final int points;
    private final CharlsonCondition supersedes;
    private final List<String> synonyms;

    CharlsonCondition(String label, int points, CharlsonCondition supersedes, String... synonyms) {
        this.label = label;
        this.points = points;
        this.supersedes = supersedes;
        this.synonyms = List.of(synonyms);
    }

    public String label() {
        return label;
    }

    public int points() {
        return points;
    }

    /** The milder form this condition replaces, so the two are never counted together. */
    public Optional<CharlsonCondition> supersedes() {
        return Optional.ofNullable(supersedes);
    }

    List<String> synonyms() {
        return synonyms;
    }
}

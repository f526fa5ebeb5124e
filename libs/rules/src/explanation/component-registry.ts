import { bpuJkkContributionRule, bpuJkmContributionRule } from '../contributions/bpu-contribution';
import {
  puAllocationJkkRule,
  puAllocationJkmRule,
  puAllocationJkpFromJkkRule,
  puAllocationJkpFromJkmRule,
} from '../contributions/pu-allocation';
import {
  puJkkContributionRule,
  puJkkReliefContributionRule,
  puJkmContributionRule,
  puJkmReliefContributionRule,
} from '../contributions/pu-contribution';
import { puLateFeeRule } from '../contributions/pu-late-fee';
import { jkkCttLumpSumRule, jkkCttPeriodicRule } from '../jkk/ctt';
import { jkkDeathLumpSumRule, jkkDeathPeriodicRule, jkkFuneralRule } from '../jkk/death';
import {
  jkkPartialAnatomicalDisabilityRule,
  jkkPartialFunctionalDisabilityRule,
} from '../jkk/disability';
import { jkkHomeCareRule } from '../jkk/home-care';
import { jkkMedicalCareRule } from '../jkk/medical-care';
import { jkkAssistiveDeviceRule, jkkOrthosisProsthesisRule } from '../jkk/rehabilitation-aids';
import { jkkStmbRule } from '../jkk/stmb';
import { jkkTransportRule } from '../jkk/transport';
import {
  jkmBpuEarlyDeathRule,
  jkmFuneralRule,
  jkmLumpSumRule,
  jkmPeriodicRule,
} from '../jkm/jkm-death';
import { latePaymentCompensationRule } from '../payment/late-payment-compensation';
import { flatScholarshipRule } from '../scholarship/entitlement';
import { scholarshipInstalmentRule } from '../scholarship/instalment';
import { recomputable, type RecomputableRule } from './component-rule';
import type { ComponentCode } from './explanation';

/** Every component code has exactly one rule: the mapped type makes a missing code a compile error. */
export const COMPONENT_REGISTRY: { readonly [C in ComponentCode]: RecomputableRule<C> } = {
  BPU_JKK_CONTRIBUTION: recomputable(bpuJkkContributionRule),
  BPU_JKM_CONTRIBUTION: recomputable(bpuJkmContributionRule),
  PU_JKK_CONTRIBUTION: recomputable(puJkkContributionRule),
  PU_JKM_CONTRIBUTION: recomputable(puJkmContributionRule),
  PU_JKK_RELIEF_CONTRIBUTION: recomputable(puJkkReliefContributionRule),
  PU_JKM_RELIEF_CONTRIBUTION: recomputable(puJkmReliefContributionRule),
  PU_ALLOCATION_JKK: recomputable(puAllocationJkkRule),
  PU_ALLOCATION_JKP_FROM_JKK: recomputable(puAllocationJkpFromJkkRule),
  PU_ALLOCATION_JKP_FROM_JKM: recomputable(puAllocationJkpFromJkmRule),
  PU_ALLOCATION_JKM: recomputable(puAllocationJkmRule),
  PU_LATE_FEE: recomputable(puLateFeeRule),
  JKK_MEDICAL_CARE: recomputable(jkkMedicalCareRule),
  JKK_HOME_CARE: recomputable(jkkHomeCareRule),
  JKK_TRANSPORT: recomputable(jkkTransportRule),
  JKK_STMB: recomputable(jkkStmbRule),
  JKK_PARTIAL_ANATOMICAL_DISABILITY: recomputable(jkkPartialAnatomicalDisabilityRule),
  JKK_PARTIAL_FUNCTIONAL_DISABILITY: recomputable(jkkPartialFunctionalDisabilityRule),
  JKK_CTT_LUMP_SUM: recomputable(jkkCttLumpSumRule),
  JKK_CTT_PERIODIC: recomputable(jkkCttPeriodicRule),
  JKK_DEATH_LUMP_SUM: recomputable(jkkDeathLumpSumRule),
  JKK_DEATH_PERIODIC: recomputable(jkkDeathPeriodicRule),
  JKK_FUNERAL: recomputable(jkkFuneralRule),
  JKK_ORTHOSIS_PROSTHESIS: recomputable(jkkOrthosisProsthesisRule),
  JKK_ASSISTIVE_DEVICE: recomputable(jkkAssistiveDeviceRule),
  JKM_LUMP_SUM: recomputable(jkmLumpSumRule),
  JKM_PERIODIC: recomputable(jkmPeriodicRule),
  JKM_FUNERAL: recomputable(jkmFuneralRule),
  JKM_BPU_EARLY_DEATH: recomputable(jkmBpuEarlyDeathRule),
  SCHOLARSHIP_FLAT: recomputable(flatScholarshipRule),
  SCHOLARSHIP_INSTALMENT: recomputable(scholarshipInstalmentRule),
  LATE_PAYMENT_COMPENSATION: recomputable(latePaymentCompensationRule),
};

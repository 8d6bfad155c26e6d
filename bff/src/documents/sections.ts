/** The Patient Summary sections, as the readers use them: the table itself lives in shared/. */
export { sectionKind, type SectionKind } from '@sesali/shared';

import { apiRequestOperation } from '../../shared/actions/apiRequest';

export const apiRequest = apiRequestOperation('report');

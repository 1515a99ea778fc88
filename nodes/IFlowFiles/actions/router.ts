import type { OperationMap } from '../../shared/router';
import { apiRequest } from './apiRequest';
import * as file from './file/File.resource';
import * as folder from './folder/Folder.resource';

export const operations: OperationMap = {
	file: file.operations,
	folder: folder.operations,
	apiRequest: { send: apiRequest },
};

import type { IDataObject, INodeTypeDescription } from 'n8n-workflow';

export declare function isBuilt(): boolean;
export declare function loadBuiltPackage(): Promise<{
	credentials: Array<{ name: string; iconExists: boolean }>;
	nodes: Array<{ name: string; description: INodeTypeDescription; iconExists: boolean }>;
	packageJson: IDataObject & { n8n: { nodes: string[]; credentials: string[] } };
}>;
